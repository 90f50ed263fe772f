package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.AbstractScopeGrantRepositoryContractTest;
import io.flowgate.application.port.out.AppRepository;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.ScopeGrantRepository;
import io.flowgate.application.port.out.UnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpaScopeGrantRepositoryTest extends AbstractScopeGrantRepositoryContractTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    /** Grants reference the catalog, which ships with one scope; this class's database gets a second. */
    @BeforeAll
    static void catalogWithASecondScope() throws SQLException {
        try (Connection connection = postgres.database().dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into scopes (name, description) values (?, 'A second scope, for tests only')")) {
            insert.setString(1, SECOND_SCOPE.value());
            insert.executeUpdate();
            connection.commit();
        }
    }

    @Override
    protected ScopeGrantRepository repository() {
        return new JpaScopeGrantRepository(postgres.unitOfWork());
    }

    @Override
    protected AppRepository apps() {
        return new JpaAppRepository(postgres.unitOfWork());
    }

    @Override
    protected OrgRepository orgs() {
        return new JpaOrgRepository(postgres.unitOfWork());
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return postgres.unitOfWork();
    }
}
