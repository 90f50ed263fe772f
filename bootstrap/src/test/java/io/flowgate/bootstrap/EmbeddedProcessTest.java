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

/**
 * The embedded PostgreSQL as an operator meets it, with Main in JVMs of its own: a node killed without
 * stopping, a second node started on the same directory, and SIGTERM while a request is in flight.
 */
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
    void nodeKilledWithoutStopping_leavesItsPostgresRunning_whichTheNextStartStopsBeforeStartingItsOwn() throws Exception {
        Process crashed = launch("crashed");
        assertThat(NodeProcess.awaitListening(crashed)).isPositive();
        ProcessHandle leftOver = postmaster().orElseThrow();
        crashed.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
        assertThat(leftOver.isAlive()).isTrue();

        Process next = launch("next");
        int port = NodeProcess.awaitListening(next);

        assertThat(port).as(Files.readString(workDirectory.resolve("next-stderr.txt"))).isPositive();
        assertThat(leftOver.isAlive()).isFalse();
        assertThat(new Http(port).get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void secondNodeOnTheSameDirectory_stopsWithOneClearLine_andTheFirstServesOn() throws Exception {
        Process first = launch("first");
        int port = NodeProcess.awaitListening(first);
        assertThat(port).isPositive();

        Process second = launch("second");

        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(1);
        assertThat(Files.readAllLines(workDirectory.resolve("second-stderr.txt"))).containsExactly(
                "flowgate: could not start: the embedded PostgreSQL in " + workDirectory.resolve(".flowgate/pg")
                        + " is in use by another Flowgate; stop that one first, or give this one its own"
                        + " FLOWGATE_DB_URL");
        assertThat(new Http(port).get("/health/ready").statusCode()).isEqualTo(200);
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
