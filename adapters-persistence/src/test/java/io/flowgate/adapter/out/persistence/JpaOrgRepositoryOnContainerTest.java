package io.flowgate.adapter.out.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.application.port.out.AbstractOrgRepositoryContractTest;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.UnitOfWork;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same contract on a PostgreSQL in a container, when Docker is there (skipped otherwise, while
 * every other persistence test runs on the local or embedded server instead).
 */
@Testcontainers(disabledWithoutDocker = true)
class JpaOrgRepositoryOnContainerTest extends AbstractOrgRepositoryContractTest {

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17-alpine");

    private static HikariDataSource dataSource;
    private static EntityManagerFactory entityManagerFactory;
    private static JpaUnitOfWork unitOfWork;

    @BeforeAll
    static void migrate() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(POSTGRES.getJdbcUrl());
        dataSource.setUsername(POSTGRES.getUsername());
        dataSource.setPassword(POSTGRES.getPassword());
        dataSource.setAutoCommit(false);
        Migrations.migrate(dataSource);
        entityManagerFactory = PersistenceUnit.create(dataSource);
        unitOfWork = new JpaUnitOfWork(entityManagerFactory);
    }

    @AfterAll
    static void close() {
        entityManagerFactory.close();
        dataSource.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("truncate orgs cascade");
            connection.commit();
        }
    }

    @Override
    protected OrgRepository repository() {
        return new JpaOrgRepository(unitOfWork);
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }
}
