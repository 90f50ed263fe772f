package io.flowgate.bootstrap;

import io.flowgate.adapter.in.rest.HealthResource;
import io.flowgate.adapter.in.rest.OperatorAuthenticationFilter;
import io.flowgate.adapter.in.rest.OrgsResource;
import io.flowgate.adapter.in.rest.RestApi;
import io.flowgate.adapter.out.oauth.SecureRandomGenerator;
import io.flowgate.adapter.out.oauth.Sha256SecretHasher;
import io.flowgate.adapter.out.persistence.JpaAdminTokenRepository;
import io.flowgate.adapter.out.persistence.JpaOrgRepository;
import io.flowgate.adapter.out.persistence.JpaSystemLog;
import io.flowgate.adapter.out.persistence.JpaUnitOfWork;
import io.flowgate.adapter.out.persistence.PostgresDatabaseHealth;
import io.flowgate.application.port.in.OrgUrls;
import io.flowgate.application.service.AuthenticateOperatorService;
import io.flowgate.application.service.CheckReadinessService;
import io.flowgate.application.service.CreateOrgService;
import io.flowgate.application.service.QueryOrgsService;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;

/** The one place that constructs adapters and services and plugs them together. */
final class Wiring {

    private Wiring() {
    }

    static ResourceConfig restApplication(Config config, String operatorToken, DataSource dataSource,
                                          EntityManagerFactory entityManagerFactory) {
        SystemClock clock = new SystemClock();
        SecureRandomGenerator random = new SecureRandomGenerator(clock);
        Sha256SecretHasher hasher = new Sha256SecretHasher();
        OrgUrls urls = new OrgUrls(config.publicUrl());

        JpaUnitOfWork unitOfWork = new JpaUnitOfWork(entityManagerFactory);
        JpaOrgRepository orgs = new JpaOrgRepository(unitOfWork);
        JpaAdminTokenRepository adminTokens = new JpaAdminTokenRepository(unitOfWork);
        JpaSystemLog systemLog = new JpaSystemLog(unitOfWork);

        CreateOrgService createOrg =
                new CreateOrgService(unitOfWork, orgs, adminTokens, systemLog, clock, random, random, hasher);
        QueryOrgsService queryOrgs = new QueryOrgsService(unitOfWork, orgs);

        return RestApi.configuration()
                .register(new OperatorAuthenticationFilter(new AuthenticateOperatorService(hasher, operatorToken)))
                .register(new HealthResource(new CheckReadinessService(new PostgresDatabaseHealth(dataSource))))
                .register(new OrgsResource(createOrg, queryOrgs, queryOrgs, urls));
    }
}
