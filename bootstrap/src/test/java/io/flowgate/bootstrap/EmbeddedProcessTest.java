package io.flowgate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL as an operator meets it, with Main in JVMs of its own. */
class EmbeddedProcessTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "FLOWGATE_PORT", "0",
            "FLOWGATE_OPERATOR_TOKEN", RunningNode.OPERATOR_TOKEN,
            "FLOWGATE_MASTER_KEY", RunningNode.MASTER_KEY);

    @TempDir
    Path workDirectory;

    private final List<Process> nodes = new ArrayList<>();

    private Process launch(String name) throws Exception {
        Process node = NodeProcess.launch(workDirectory, ENVIRONMENT, name + "-stderr.txt");
        nodes.add(node);
        return node;
    }

    @AfterEach
    void stopEverythingStarted() throws Exception {
        for (Process node : nodes) {
            node.destroy();
            node.waitFor(40, TimeUnit.SECONDS);
        }
        postmaster().ifPresent(ProcessHandle::destroy); // whatever a failed test left running
    }

    @Test
    void sigterm_letsARequestInFlightFinishOnTheDatabase_thenStopsTheDatabase() throws Exception {
        Process node = launch("node");
        int port = NodeProcess.awaitListening(node);
        assertThat(port).isPositive();
        ProcessHandle postgres = postmaster().orElseThrow();

        assertThat(NodeProcess.createOrgAcrossSigterm(node, port, RunningNode.OPERATOR_TOKEN))
                .isEqualTo("HTTP/1.1 201 Created");

        assertThat(node.waitFor(40, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).isEqualTo(143);
        assertThat(postgres.onExit()).as(Files.readString(workDirectory.resolve("node-stderr.txt")))
                .succeedsWithin(Duration.ofSeconds(10));
        assertThat(workDirectory.resolve(".flowgate/pg/postmaster.pid")).doesNotExist();
    }

    /** The PostgreSQL running on the node's data directory, as its postmaster.pid names it. */
    private Optional<ProcessHandle> postmaster() throws Exception {
        Path pidFile = workDirectory.resolve(".flowgate/pg/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())).filter(ProcessHandle::isAlive);
    }
}
