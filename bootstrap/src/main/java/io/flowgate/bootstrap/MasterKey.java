package io.flowgate.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

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
        Path file = developmentKey.toAbsolutePath();
        try {
            if (Files.exists(file)) {
                byte[] key = Files.readAllBytes(file);
                if (key.length != 32) {
                    throw new IllegalStateException("the development master key " + file + " is damaged (not 32"
                            + " bytes): restore it from a backup, as the org signing keys are encrypted with it");
                }
                warn(file);
                return key;
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            // Readable by its owner only from the moment it exists, and on disk before a signing key is
            // encrypted with it: losing it in a crash would lose every org's keys.
            try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
                channel.write(ByteBuffer.wrap(key));
                channel.force(true);
            }
            warn(file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the development master key " + file, e);
        }
    }

    private static void warn(Path developmentKey) {
        LOG.log(System.Logger.Level.WARNING, "FLOWGATE_MASTER_KEY is not set: signing keys are encrypted with the"
                + " development key in {0}. Set FLOWGATE_MASTER_KEY (32 random bytes, base64) in production.",
                developmentKey);
    }
}
