package io.flowgate.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
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
}
