package io.flowgate.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.flowgate.application.port.out.AbstractFlowRepositoryContractTest;
import io.flowgate.application.port.out.FlowAliasRepository;
import io.flowgate.application.port.out.FlowRepository;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.Conflict;
import io.flowgate.domain.SecretHash;
import io.flowgate.domain.flow.Flow;
import io.flowgate.domain.flow.FlowDefinition;
import io.flowgate.domain.policy.EndpointSecurityPolicy.ClientToken;
import io.flowgate.domain.policy.EndpointSettings;
import io.flowgate.domain.policy.RateLimit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpaFlowRepositoryTest extends AbstractFlowRepositoryContractTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Override
    protected FlowRepository repository() {
        return new JpaFlowRepository(postgres.unitOfWork());
    }

    @Override
    protected FlowAliasRepository aliases() {
        return new JpaFlowAliasRepository(postgres.unitOfWork());
    }

    @Override
    protected OrgRepository orgs() {
        return new JpaOrgRepository(postgres.unitOfWork());
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return postgres.unitOfWork();
    }

    /** One row of flow_versions, as the database holds it. */
    private record VersionRow(int version, String name, String definition, Instant created) {
    }

    private List<VersionRow> history(Flow flow) throws SQLException {
        try (Connection connection = postgres.database().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select version, name, definition, created from flow_versions where flow_id = ? order by version")) {
            query.setString(1, flow.id().value());
            List<VersionRow> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new VersionRow(result.getInt(1), result.getString(2), result.getString(3),
                            result.getTimestamp(4).toInstant()));
                }
            }
            connection.rollback();
            return rows;
        }
    }

    @Test
    void history_holdsEveryVersion_writtenWhenTheFlowReachedIt() throws SQLException {
        Flow flow = added(newFlow(acme, "greet"));
        Flow current = stored(acme, flow.id());
        current.revise("Greet politely", new FlowDefinition("{\"steps\":[]}"), LATER);
        update(current);
        current = stored(acme, flow.id());
        current.secure(new EndpointSettings(new ClientToken(new SecretHash("hash")), RateLimit.DEFAULT), LATER);
        current.deactivate(LATER);
        update(current);
        current = stored(acme, flow.id());
        current.revise("Greet", new FlowDefinition("{\"steps\":[{\"id\":\"a\",\"card\":\"date.now\"}]}"), LATEST);
        update(current);

        assertThat(history(flow)).containsExactly(
                new VersionRow(1, "greet", flow.definition().json(), CREATED),
                new VersionRow(2, "Greet politely", "{\"steps\":[]}", LATER),
                new VersionRow(3, "Greet", "{\"steps\":[{\"id\":\"a\",\"card\":\"date.now\"}]}", LATEST));
    }

    @Test
    void updateReachingAVersionAlreadyInTheHistory_isAConflict_andTheFlowIsKept() throws SQLException {
        Flow flow = added(newFlow(acme, "greet"));
        Flow stale = stored(acme, flow.id());
        Flow current = stored(acme, flow.id());
        current.revise("First edit", flow.definition(), LATER);
        update(current);
        current.revise("Second edit", flow.definition(), LATER);
        update(current);

        stale.revise("Edit of a stale copy", flow.definition(), LATEST);

        assertThatThrownBy(() -> update(stale)).isInstanceOf(Conflict.class).hasMessageContaining(flow.id().value());
        assertThat(stored(acme, flow.id()).name()).isEqualTo("Second edit");
        assertThat(history(flow)).extracting(VersionRow::version, VersionRow::name)
                .containsExactly(tuple(1, "greet"), tuple(2, "First edit"), tuple(3, "Second edit"));
    }
}
