package io.flowgate.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The key that encrypts org signing keys at rest. Production sets FLOWGATE_MASTER_KEY; a development
 * start without it gets a random key kept in a file beside the embedded database, with a warning.
 */
final class MasterKey {

    private static final System.Logger LOG = System.getLogger(MasterKey.class.getName());

    private MasterKey() {
    }

    static byte[] resolve(Optional<byte[]> configured, Path developmentKey) {
        if (configured.isPresent()) {
            return configured.get();
        }
        try {
            if (Files.exists(developmentKey)) {
                byte[] key = Files.readAllBytes(developmentKey);
                if (key.length != 32) {
                    throw new IllegalStateException(developmentKey + " does not hold a 32-byte key");
                }
                warn(developmentKey);
                return key;
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(developmentKey.toAbsolutePath().getParent());
            Files.write(developmentKey, key);
            Files.setPosixFilePermissions(developmentKey, PosixFilePermissions.fromString("rw-------"));
            warn(developmentKey);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the development master key " + developmentKey, e);
        }
    }

    private static void warn(Path developmentKey) {
        LOG.log(System.Logger.Level.WARNING, "FLOWGATE_MASTER_KEY is not set: signing keys are encrypted with the"
                + " development key in {0}. Set FLOWGATE_MASTER_KEY (32 random bytes, base64) in production.",
                developmentKey.toAbsolutePath());
    }
}
