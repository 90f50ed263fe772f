package io.flowgate.bootstrap.bench;

import io.flowgate.adapter.out.persistence.GroupCommitWriter;
import io.flowgate.adapter.out.persistence.TestDatabase;
import io.flowgate.application.port.out.ReplayStore;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The token endpoint's replay check: the first use of a client assertion's {@code jti}, committed to PostgreSQL, from
 * one caller and from sixteen at once (where commits can be shared). Each run gets a fresh, migrated database on the
 * server {@code FLOWGATE_TEST_DB_URL} names, dropped afterwards. Run it with {@code bench/hot-paths.sh}; it is not
 * part of the test suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReplayInsertBenchmark {

    // assertion_replays has no foreign keys: the ids need no org or app rows behind them.
    private static final OrgId ORG_ID = new OrgId("benchorg");
    private static final AppId CLIENT_ID = new AppId("benchclient");

    private final AtomicLong jtis = new AtomicLong();
    private TestDatabase database;
    private AutoCloseable storeResources;
    private ReplayStore replays;
    private Instant expiresAt;

    @Setup
    public void createDatabase() {
        database = TestDatabase.create();
        replays = replayStore(database.dataSource());
        expiresAt = Instant.now().plusSeconds(300);
    }

    /** The store the token endpoint uses: inserts from concurrent callers share a commit. */
    private ReplayStore replayStore(DataSource dataSource) {
        GroupCommitWriter writer = new GroupCommitWriter(dataSource);
        storeResources = writer;
        return writer;
    }

    @TearDown
    public void dropDatabase() throws Exception {
        storeResources.close();
        database.close();
    }

    @Benchmark
    @Threads(1)
    public boolean oneCaller() {
        return firstUse();
    }

    @Benchmark
    @Threads(16)
    public boolean sixteenCallers() {
        return firstUse();
    }

    private boolean firstUse() {
        return replays.firstUse(ORG_ID, CLIENT_ID, "jti" + jtis.incrementAndGet(), expiresAt);
    }
}
