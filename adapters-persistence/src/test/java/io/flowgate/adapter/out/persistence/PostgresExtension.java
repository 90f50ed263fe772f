package io.flowgate.adapter.out.persistence;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class its own migrated database and Hibernate unit of work, and empties the tables
 * before each test so tests do not see each other's rows. Register it as a static field.
 */
public final class PostgresExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private TestDatabase database;
    private EntityManagerFactory entityManagerFactory;
    private JpaUnitOfWork unitOfWork;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabase.create();
        entityManagerFactory = PersistenceUnit.create(database.dataSource());
        unitOfWork = new JpaUnitOfWork(entityManagerFactory);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database.truncateAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        entityManagerFactory.close();
        database.close();
    }

    public JpaUnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public TestDatabase database() {
        return database;
    }
}
