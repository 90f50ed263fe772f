package io.flowgate.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Statement;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PersistenceUnitTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Test
    void entities_areReadByReflection_withoutClassesGeneratedAtStart() {
        try (EntityManagerFactory factory = PersistenceUnit.create(postgres.database().dataSource())) {
            BytecodeProvider bytecode = factory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                    .requireService(BytecodeProvider.class);

            assertThat(bytecode).isInstanceOf(org.hibernate.bytecode.internal.none.BytecodeProviderImpl.class);
        }
    }

    @Test
    void aSchemaThatNoLongerMatchesTheEntities_stopsTheStart() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("alter table orgs rename column name to display_name");
                connection.commit();
            }

            assertThatThrownBy(() -> PersistenceUnit.create(database.dataSource()).close())
                    .hasStackTraceContaining("missing column [name] in table [orgs]");
        }
    }
}
