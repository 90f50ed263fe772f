package io.flowgate.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.application.port.out.AbstractExecutionRepositoryContractTest;
import io.flowgate.application.port.out.ExecutionRepository;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.execution.Execution;
import io.flowgate.domain.execution.ExecutionStatus;
import io.flowgate.domain.execution.StepTrace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpaExecutionRepositoryTest extends AbstractExecutionRepositoryContractTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Override
    protected ExecutionRepository repository() {
        return new JpaExecutionRepository(postgres.unitOfWork());
    }

    @Override
    protected OrgRepository orgs() {
        return new JpaOrgRepository(postgres.unitOfWork());
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return postgres.unitOfWork();
    }

    /** Reports and the console may read the table directly, so its columns hold plain, queryable values. */
    @Test
    void stepTraceIsAJsonArray_andScopesAreSpaceSeparated() throws SQLException {
        Execution execution = started(acme, flow, APP_CALLER);
        execution.succeed(FINISHED, List.of(new StepTrace("greet", "text.concat", ExecutionStatus.SUCCEEDED, STARTED,
                Duration.ofMillis(12), "{\"values\":[]}", "\"\"", null)));
        update(execution);

        try (Connection connection = postgres.database().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select json_typeof(steps), json_array_length(steps), steps -> 0 ->> 'stepId',
                            steps -> 0 ->> 'duration', steps -> 0 ->> 'input', caller_scopes
                     from executions where id = ?""")) {
            query.setString(1, execution.id().value());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("array");
                assertThat(row.getInt(2)).isEqualTo(1);
                assertThat(row.getString(3)).isEqualTo("greet");
                assertThat(row.getString(4)).isEqualTo("PT0.012S");
                assertThat(row.getString(5)).isEqualTo("{\"values\":[]}");
                assertThat(row.getString(6)).isEqualTo("custom:read okta.workflows.invoke.manage");
            }
            connection.rollback();
        }
    }

    /** PostgreSQL text cannot hold NUL; a flow's error and trace can carry one from request data. */
    @Test
    void nulCharacters_doNotMakeAnExecutionUnrecordable() {
        Execution execution = started(acme, flow, APP_CALLER);
        execution.fail(FINISHED, "bad\u0000input", List.of(new StepTrace("s1", "text.concat", ExecutionStatus.FAILED,
                STARTED, Duration.ofMillis(1), "\"a\u0000b\"", null, "x\u0000y")));

        update(execution);

        Execution found = unitOfWork().inTransaction(() -> repository().find(acme.id(), execution.id())).orElseThrow();
        assertThat(found.error()).hasValue("bad\uFFFDinput");
        assertThat(found.steps().get(0).error()).isEqualTo("x\uFFFDy");
    }

    /** A trace of ten steps is long enough to be compressed; lz4 does it for less than the default, pglz. */
    @Test
    void stepTraces_areCompressedWithLz4_whenTheServerOffersIt() throws SQLException {
        try (Connection connection = postgres.database().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select (select 'lz4' = any (enumvals) from pg_settings where name = 'default_toast_compression'),
                            (select attcompression from pg_attribute
                             where attrelid = 'executions'::regclass and attname = 'steps')""");
             ResultSet row = query.executeQuery()) {
            assertThat(row.next()).isTrue();
            boolean offered = row.getBoolean(1);
            assertThat(row.getString(2)).isEqualTo(offered ? "l" : "");
            connection.rollback();
        }
    }
}
