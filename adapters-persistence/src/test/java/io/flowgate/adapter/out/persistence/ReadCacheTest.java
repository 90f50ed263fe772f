package io.flowgate.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.app.App;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-node read cache, with two nodes on one real database: each node is a unit of work with
 * its own cache and its own change listener. Rows are changed behind the nodes' backs with plain
 * SQL (which notifies nobody) to tell a cached read from a database read.
 */
class ReadCacheTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final OrgId ORG = new OrgId("org00000000000000001");
    private static final AppId APP = new AppId("app00000000000000001");
    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

    private record Node(ReadCache cache, ChangeListener listener, JpaUnitOfWork unitOfWork, JpaAppRepository apps) {

        String labelReading() {
            return unitOfWork.reading(() -> apps.find(ORG, APP).orElseThrow().label());
        }
    }

    private EntityManagerFactory entityManagerFactory;
    private final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void createAnApp() {
        entityManagerFactory = PersistenceUnit.create(postgres.database().dataSource());
        postgres.unitOfWork().run(() -> {
            new JpaOrgRepository(postgres.unitOfWork()).add(Org.create(ORG, new OrgSlug("acme"), "Acme", NOW));
            new JpaAppRepository(postgres.unitOfWork()).add(App.register(APP, ORG, "first", NOW));
        });
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(node -> node.listener().close());
        entityManagerFactory.close();
    }

    private Node node() {
        ReadCache cache = new ReadCache();
        ChangeListener listener = new ChangeListener(postgres.database().dataSource(), cache);
        JpaUnitOfWork unitOfWork = new JpaUnitOfWork(() -> entityManagerFactory, cache);
        Node node = new Node(cache, listener, unitOfWork, new JpaAppRepository(unitOfWork));
        nodes.add(node);
        awaitLive(cache);
        return node;
    }

    @Test
    void aReadingUnit_servesARepeatedRead_fromTheCache() {
        Node node = node();
        assertThat(node.labelReading()).isEqualTo("first");

        relabelBehindTheNodesBacks("changed unseen");

        assertThat(node.labelReading()).isEqualTo("first");
    }

    @Test
    void aWritingUnit_alwaysReadsTheDatabase() {
        Node node = node();
        node.labelReading();
        relabelBehindTheNodesBacks("changed unseen");

        assertThat(node.unitOfWork().inTransaction(() -> node.apps().find(ORG, APP).orElseThrow().label()))
                .isEqualTo("changed unseen");
    }

    @Test
    void aChangeOnThisNode_isReadOnThisNode_AsSoonAsItsUnitCommits() {
        Node node = node();
        node.labelReading();

        relabel(node, "second");

        assertThat(node.labelReading()).isEqualTo("second");
    }

    @Test
    void aChangeOnAnotherNode_reachesThisNode_withinASecond() throws InterruptedException {
        Node reader = node();
        Node writer = node();
        assertThat(reader.labelReading()).isEqualTo("first");

        relabel(writer, "second");

        assertThat(eventually(reader::labelReading, "second")).isTrue();
    }

    @Test
    void whileChangesCannotBeHeard_nothingIsServedFromTheCache() throws Exception {
        Node node = node();
        node.labelReading();

        terminateListeningConnections();
        await(() -> !node.cache().isLive(), "the listener to notice its connection is gone");
        relabelBehindTheNodesBacks("changed while deaf");

        // Until the listener is back (and starts from an empty cache) every read goes to the database.
        assertThat(node.labelReading()).isEqualTo("changed while deaf");
        awaitLive(node.cache());
        assertThat(node.labelReading()).isEqualTo("changed while deaf");
        relabelBehindTheNodesBacks("cached again");
        assertThat(node.labelReading()).isEqualTo("changed while deaf");
    }

    @Test
    void aValueLoadedWhileItsOrgChanged_isNotKept() {
        ReadCache cache = new ReadCache();
        cache.resume();
        AtomicInteger loads = new AtomicInteger();

        String first = cache.get("org", "key", () -> {
            cache.drop("org"); // the change commits while this load is reading the old value
            return "old " + loads.incrementAndGet();
        });
        String second = cache.get("org", "key", () -> "new " + loads.incrementAndGet());

        assertThat(first).isEqualTo("old 1");
        assertThat(second).isEqualTo("new 2");
    }

    @Test
    void aReadingUnit_cannotWrite() {
        Node node = node();

        assertThatThrownBy(() -> node.unitOfWork().reading(() -> {
            node.apps().update(App.register(APP, ORG, "sneaky", NOW));
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> node.unitOfWork().reading(() -> node.unitOfWork().inTransaction(() -> null)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(node.unitOfWork().inTransaction(() -> node.apps().find(ORG, APP).orElseThrow().label()))
                .isEqualTo("first");
    }

    @Test
    void withoutACache_everyReadGoesToTheDatabase() {
        JpaUnitOfWork uncached = new JpaUnitOfWork(entityManagerFactory);
        JpaAppRepository apps = new JpaAppRepository(uncached);
        uncached.reading(() -> apps.find(ORG, APP));

        relabelBehindTheNodesBacks("changed unseen");

        assertThat(uncached.reading(() -> apps.find(ORG, APP).orElseThrow().label())).isEqualTo("changed unseen");
    }

    private static void relabel(Node node, String label) {
        node.unitOfWork().run(() -> {
            App app = node.apps().find(ORG, APP).orElseThrow();
            app.relabel(label, NOW.plusSeconds(1));
            node.apps().update(app);
        });
    }

    private static void relabelBehindTheNodesBacks(String label) {
        execute("update apps set label = '" + label + "' where id = '" + APP.value() + "'");
    }

    private static void terminateListeningConnections() {
        execute("select pg_terminate_backend(pid) from pg_stat_activity where query like 'listen %'"
                + " and datname = current_database() and pid <> pg_backend_pid()");
    }

    private static void execute(String sql) {
        try (Connection connection = postgres.database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean eventually(Supplier<String> read, String expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN_A_SECOND.toNanos();
        while (System.nanoTime() < deadline) {
            if (read.get().equals(expected)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private static void awaitLive(ReadCache cache) {
        await(cache::isLive, "the change listener to listen");
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited in vain for " + what);
            }
            Thread.onSpinWait();
        }
    }
}
