package io.flowgate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.adapter.out.persistence.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Main as an operator runs it: a separate JVM, its exit code, its output, and SIGTERM. */
class MainProcessTest {

    @TempDir
    Path workDirectory;

    private Process launch(Map<String, String> environment) throws IOException {
        return NodeProcess.launch(workDirectory, environment);
    }

    @Test
    void badConfiguration_exitsWith2_andOneClearLine() throws Exception {
        Process process = launch(Map.of("FLOWGATE_PORT", "eighty"));

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> stderr = Files.readAllLines(workDirectory.resolve("stderr.txt"));
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr).containsExactly(
                "flowgate: FLOWGATE_PORT must be a whole number from 0 to 65535 (a TCP port number (0 picks a free one)),"
                        + " not 'eighty'");
    }

    @Test
    void sigterm_stopsTheNodeCleanly() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            Process process = launch(Map.of(
                    "FLOWGATE_PORT", "0",
                    "FLOWGATE_DB_URL", database.url(),
                    "FLOWGATE_DB_USER", database.user(),
                    "FLOWGATE_DB_PASSWORD", database.password()));
            BufferedReader stdout = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));

            String tokenLine = stdout.readLine();
            String listeningLine = stdout.readLine();
            Matcher port = NodeProcess.LISTENING.matcher(String.valueOf(listeningLine));
            assertThat(tokenLine).startsWith("Operator token (generated");
            assertThat(port.find()).as(listeningLine).isTrue();
            assertThat(new Http(Integer.parseInt(port.group(1))).get("/health/ready").statusCode()).isEqualTo(200);

            long stopping = System.nanoTime();
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(40, TimeUnit.SECONDS)).isTrue();

            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(40));
            // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and exited on the signal
            assertThat(process.exitValue()).isEqualTo(143);
            assertThat(Files.readString(workDirectory.resolve("stderr.txt"))).doesNotContain("Exception");
        }
    }
}
