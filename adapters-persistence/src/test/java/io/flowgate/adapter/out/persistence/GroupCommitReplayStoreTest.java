package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.AbstractReplayStoreContractTest;
import io.flowgate.application.port.out.ReplayStore;
import io.flowgate.application.port.out.UnitOfWork;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class GroupCommitReplayStoreTest extends AbstractReplayStoreContractTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private GroupCommitWriter writer;
    private final Map<Integer, GroupCommitWriter> nodes = new HashMap<>();

    @Override
    protected ReplayStore store() {
        if (writer == null) {
            writer = new GroupCommitWriter(postgres.database().dataSource());
        }
        return writer;
    }

    /** Each node has its own writer, as each server process does, over the one database. */
    @Override
    protected ReplayStore node(int n) {
        return nodes.computeIfAbsent(n, any -> new GroupCommitWriter(postgres.database().dataSource()));
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return postgres.unitOfWork();
    }

    /** Log events belong to an org; the replay rows need none. */
    @BeforeEach
    void orgOfTheLogEvents() throws SQLException {
        try (Connection connection = postgres.database().dataSource().getConnection()) {
            connection.createStatement().execute("insert into orgs (id, slug, name, created) values ('acme', 'acme',"
                    + " 'Acme', now())");
            connection.commit();
        }
    }

    @Override
    protected List<String> loggedEventIds() {
        List<String> ids = new ArrayList<>();
        try (Connection connection = postgres.database().dataSource().getConnection();
             ResultSet rows = connection.createStatement().executeQuery("select id from system_log")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    @AfterEach
    void closeWriter() {
        if (writer != null) {
            writer.close();
        }
        nodes.values().forEach(GroupCommitWriter::close);
    }
}
