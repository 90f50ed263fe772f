package io.flowgate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without FLOWGATE_MASTER_KEY a development key is made once, kept to the owner, and warned about. */
class MasterKeyTest {

    @TempDir
    Path stateDirectory;

    private final Logger logger = Logger.getLogger(MasterKey.class.getName());
    private final List<String> warnings = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(new java.util.logging.SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        logger.removeHandler(capture);
    }

    @Test
    void noMasterKey_createsADevelopmentKeyReadableByItsOwnerOnly_andWarnsWithoutShowingIt() throws Exception {
        Path file = stateDirectory.resolve("master.key");

        byte[] key = MasterKey.resolve(Optional.empty(), file);

        assertThat(key).hasSize(32);
        assertThat(Files.readAllBytes(file)).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(warnings).singleElement().asString()
                .contains("FLOWGATE_MASTER_KEY is not set", file.toAbsolutePath().toString())
                .doesNotContain(Base64.getEncoder().encodeToString(key));
    }

    @Test
    void developmentKey_isReusedByTheNextStart() {
        Path file = stateDirectory.resolve("master.key");
        byte[] first = MasterKey.resolve(Optional.empty(), file);

        assertThat(MasterKey.resolve(Optional.empty(), file)).isEqualTo(first);
        assertThat(warnings).hasSize(2); // at every start
    }

    @Test
    void configuredKey_isUsed_andNoFileIsMade() {
        byte[] configured = new byte[32];

        assertThat(MasterKey.resolve(Optional.of(configured), stateDirectory.resolve("master.key"))).isSameAs(configured);
        assertThat(stateDirectory.resolve("master.key")).doesNotExist();
        assertThat(warnings).isEmpty();
    }

    @Test
    void damagedDevelopmentKey_stopsTheStart_sayingToRestoreIt_andIsLeftAsItWas() throws Exception {
        Path file = stateDirectory.resolve("master.key");
        Files.write(file, new byte[] {1, 2, 3});

        assertThatThrownBy(() -> MasterKey.resolve(Optional.empty(), file))
                .hasMessage("the development master key " + file.toAbsolutePath() + " is damaged (not 32 bytes):"
                        + " restore it from a backup, as the org signing keys are encrypted with it")
                .hasMessageNotContaining("\n");
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
    }
}
