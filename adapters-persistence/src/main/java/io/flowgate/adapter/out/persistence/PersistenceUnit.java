package io.flowgate.adapter.out.persistence;

import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/** Builds the one EntityManagerFactory of the process, over a pool the caller owns. */
public final class PersistenceUnit {

    static final List<Class<?>> ENTITIES = List.of(
            OrgEntity.class,
            AdminTokenEntity.class,
            SigningKeyEntity.class,
            LogEventEntity.class,
            AppEntity.class,
            AppKeyEntity.class,
            ScopeEntity.class,
            ScopeGrantEntity.class,
            FlowEntity.class,
            FlowVersionEntity.class,
            FlowAliasEntity.class,
            ExecutionEntity.class);

    private PersistenceUnit() {
    }

    public static EntityManagerFactory create(DataSource dataSource) {
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("flowgate")
                .managedClasses(ENTITIES)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                // Flyway owns the schema; Hibernate only checks that the entities match it. (The JPA
                // property must say so too: its "none" would silently override hbm2ddl's validate.)
                .property(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "validate")
                .property(AvailableSettings.HBM2DDL_AUTO, "validate")
                // The pool hands out connections with auto-commit off; Hibernate need not check.
                .property(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                .property(AvailableSettings.SHOW_SQL, false);
        return configuration.createEntityManagerFactory();
    }
}
