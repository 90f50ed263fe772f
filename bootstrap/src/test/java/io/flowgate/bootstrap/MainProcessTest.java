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
    void databaseUrlWithABadPort_exitsWith2_andOneLineThatDoesNotRepeatTheUrl() throws Exception {
        Process process = launch(Map.of("FLOWGATE_DB_URL", "jdbc:postgresql://db:543210/flowgate?password=secret"));

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readAllLines(workDirectory.resolve("stderr.txt"))).containsExactly(
                "flowgate: FLOWGATE_DB_URL must be a PostgreSQL JDBC URL like jdbc:postgresql://host:5432/flowgate");
    }

    /**
     * A node does not wait for a database it cannot reach at start: the line says why at once, and the
     * supervisor that restarts it (systemd, Kubernetes) decides how long to keep trying.
     */
    @Test
    void unreachableDatabase_stopsTheStartAtOnce_withExit1AndOneLine() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Process process = launch(Map.of("FLOWGATE_DB_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/flowgate",
                "FLOWGATE_MASTER_KEY", RunningNode.MASTER_KEY));

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readAllLines(workDirectory.resolve("stderr.txt"))).singleElement().asString()
                .startsWith("flowgate: could not start: ")
                .contains("Connection to 127.0.0.1:" + closedPort + " refused");
    }

    @Test
    void unknownDatabaseHost_stopsTheStart_withALineSayingSo() throws Exception {
        Process process = launch(Map.of("FLOWGATE_DB_URL", "jdbc:postgresql://no-such-host.invalid/flowgate",
                "FLOWGATE_MASTER_KEY", RunningNode.MASTER_KEY));

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readAllLines(workDirectory.resolve("stderr.txt"))).singleElement().asString()
                .startsWith("flowgate: could not start: ")
                .contains("unknown host no-such-host.invalid");
    }

    @Test
    void sigterm_letsARequestInFlightFinish_andNoSecretIsEverPrinted() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            Process process = launch(RunningNode.environmentOn(database));
            BufferedReader stdout = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Matcher port = NodeProcess.LISTENING.matcher(String.valueOf(stdout.readLine()));
            assertThat(port.find()).isTrue(); // the first line: a configured operator token is not shown

            assertThat(NodeProcess.createOrgAcrossSigterm(process, Integer.parseInt(port.group(1)),
                    RunningNode.OPERATOR_TOKEN)).isEqualTo("HTTP/1.1 201 Created");

            assertThat(process.waitFor(40, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(143);
            assertThat(Files.readString(workDirectory.resolve("stderr.txt")))
                    .doesNotContain(RunningNode.OPERATOR_TOKEN, RunningNode.MASTER_KEY);
        }
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
