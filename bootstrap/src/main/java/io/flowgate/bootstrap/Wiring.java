package io.flowgate.bootstrap;

import io.flowgate.adapter.in.rest.AdminAuthenticationFilter;
import io.flowgate.adapter.in.rest.AdminTokensResource;
import io.flowgate.adapter.in.rest.AliasesResource;
import io.flowgate.adapter.in.rest.AppKeysResource;
import io.flowgate.adapter.in.rest.AppsResource;
import io.flowgate.adapter.in.rest.ExecutionsResource;
import io.flowgate.adapter.in.rest.FlowsResource;
import io.flowgate.adapter.in.rest.GrantsResource;
import io.flowgate.adapter.in.rest.HealthResource;
import io.flowgate.adapter.in.rest.InvokeResource;
import io.flowgate.adapter.in.rest.LogsResource;
import io.flowgate.adapter.in.rest.MetadataResource;
import io.flowgate.adapter.in.rest.OAuthResource;
import io.flowgate.adapter.in.rest.OpenApiResource;
import io.flowgate.adapter.in.rest.RequestSizeLimit;
import io.flowgate.adapter.in.rest.ScopesResource;
import io.flowgate.adapter.in.rest.SigningKeysResource;
import io.flowgate.adapter.in.rest.TokenLifecycleResource;
import io.flowgate.adapter.in.rest.OperatorAuthenticationFilter;
import io.flowgate.adapter.in.rest.OrgsResource;
import io.flowgate.adapter.in.rest.RestApi;
import io.flowgate.adapter.out.oauth.AesGcmKeyEncryption;
import io.flowgate.adapter.out.oauth.CryptoProvider;
import io.flowgate.adapter.out.oauth.NimbusAccessTokenSigner;
import io.flowgate.adapter.out.oauth.NimbusAccessTokenVerifier;
import io.flowgate.adapter.out.oauth.NimbusClientAssertionReader;
import io.flowgate.adapter.out.oauth.NimbusKeyPairGenerator;
import io.flowgate.adapter.out.oauth.NimbusPublicKeyParser;
import io.flowgate.adapter.out.oauth.NimbusSigningKeyFactory;
import io.flowgate.adapter.out.oauth.SecureRandomGenerator;
import io.flowgate.adapter.out.oauth.Sha256SecretHasher;
import io.flowgate.adapter.out.persistence.ChangeListener;
import io.flowgate.adapter.out.persistence.GroupCommitWriter;
import io.flowgate.adapter.out.persistence.JpaAdminTokenRepository;
import io.flowgate.adapter.out.persistence.JpaAppKeyRepository;
import io.flowgate.adapter.out.persistence.JpaAppRepository;
import io.flowgate.adapter.out.persistence.JpaExecutionRepository;
import io.flowgate.adapter.out.persistence.JpaFlowAliasRepository;
import io.flowgate.adapter.out.persistence.JpaFlowRepository;
import io.flowgate.adapter.out.persistence.JpaScopeGrantRepository;
import io.flowgate.adapter.out.persistence.JpaScopeRepository;
import io.flowgate.adapter.out.persistence.JpaOrgRepository;
import io.flowgate.adapter.out.persistence.JpaRevokedTokenStore;
import io.flowgate.adapter.out.persistence.JpaSigningKeyRepository;
import io.flowgate.adapter.out.persistence.JpaSystemLog;
import io.flowgate.adapter.out.persistence.JpaUnitOfWork;
import io.flowgate.adapter.out.persistence.PostgresDatabaseHealth;
import io.flowgate.adapter.out.persistence.ReadCache;
import io.flowgate.application.port.in.OrgUrls;
import io.flowgate.application.service.AdminTokenAdministrationService;
import io.flowgate.application.service.AppAdministrationService;
import io.flowgate.application.service.AppKeyAdministrationService;
import io.flowgate.application.service.AuthenticateAdminService;
import io.flowgate.application.service.AuthenticateOperatorService;
import io.flowgate.application.service.CheckReadinessService;
import io.flowgate.application.service.CreateOrgService;
import io.flowgate.application.service.ExecutionQueryService;
import io.flowgate.application.service.ExpiredEntriesPurge;
import io.flowgate.application.service.FlowAdministrationService;
import io.flowgate.application.service.FlowEndpointService;
import io.flowgate.application.service.GrantAdministrationService;
import io.flowgate.application.service.InvocationService;
import io.flowgate.application.service.PublishKeysService;
import io.flowgate.application.service.QueryOrgsService;
import io.flowgate.application.service.SigningKeyRotationService;
import io.flowgate.application.service.TokenIntrospectionService;
import io.flowgate.application.service.TokenIssuanceService;
import io.flowgate.application.service.VerifyingKeys;
import io.flowgate.domain.flow.language.FlowLanguage;
import io.flowgate.domain.flow.language.Limits;
import io.flowgate.domain.flow.language.card.StandardCards;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;

/** The one place that constructs adapters and services and plugs them together. */
final class Wiring {

    private Wiring() {
    }

    /** Admin and operator request bodies: flow definitions and keys fit easily; anything larger is a mistake. */
    static final long ADMIN_MAX_BODY_BYTES = 512 * 1024;

    /**
     * The application, what must be closed after the server stopped and before the database goes,
     * and the node's read cache.
     */
    record Wired(ResourceConfig application, List<AutoCloseable> resources, ReadCache cache) {
    }

    /**
     * @param backgroundDataSource connections for the group-commit writer and the change listener, apart
     *                             from the request threads' pool (the entity manager factory's) so that
     *                             they never wait for it
     * @param healthDataSource the readiness probes' connection, from a pool that gives up on it quickly
     * @param schemaVersion the version the start migrated the database to, which readiness checks it
     *                      still holds; like the entity manager factory, not asked for before the first request
     * @param entityManagerFactory may still be being built: nothing here asks for it before the first request
     */
    static Wired restApplication(Config config, String operatorToken, byte[] masterKey,
                                 DataSource backgroundDataSource, DataSource healthDataSource,
                                 Supplier<String> schemaVersion, Supplier<EntityManagerFactory> entityManagerFactory) {
        SystemClock clock = new SystemClock();
        SecureRandomGenerator random = new SecureRandomGenerator(clock);
        Sha256SecretHasher hasher = new Sha256SecretHasher();
        OrgUrls urls = new OrgUrls(config.publicUrl());

        ReadCache cache = new ReadCache();
        ChangeListener changes = new ChangeListener(backgroundDataSource, cache);
        JpaUnitOfWork unitOfWork = new JpaUnitOfWork(entityManagerFactory, cache);
        GroupCommitWriter writer = new GroupCommitWriter(backgroundDataSource);
        JpaOrgRepository orgs = new JpaOrgRepository(unitOfWork);
        JpaAdminTokenRepository adminTokens = new JpaAdminTokenRepository(unitOfWork);
        JpaSystemLog systemLog = new JpaSystemLog(unitOfWork);
        JpaAppRepository apps = new JpaAppRepository(unitOfWork);
        JpaAppKeyRepository appKeys = new JpaAppKeyRepository(unitOfWork);
        JpaFlowRepository flows = new JpaFlowRepository(unitOfWork);
        JpaSigningKeyRepository signingKeys = new JpaSigningKeyRepository(unitOfWork);
        JpaScopeRepository scopes = new JpaScopeRepository(unitOfWork);
        JpaScopeGrantRepository scopeGrants = new JpaScopeGrantRepository(unitOfWork);
        AesGcmKeyEncryption keyEncryption = new AesGcmKeyEncryption(masterKey);
        NimbusKeyPairGenerator keyPairs = new NimbusKeyPairGenerator();
        CryptoProvider crypto = CryptoProvider.select();
        NimbusSigningKeyFactory signingKeyFactory = new NimbusSigningKeyFactory(keyPairs, keyEncryption);
        NimbusClientAssertionReader assertions = new NimbusClientAssertionReader(crypto);

        CreateOrgService createOrg = new CreateOrgService(unitOfWork, orgs, adminTokens, signingKeys,
                signingKeyFactory, systemLog, clock, random, random, hasher);
        QueryOrgsService queryOrgs = new QueryOrgsService(unitOfWork, orgs);
        GrantAdministrationService grants =
                new GrantAdministrationService(unitOfWork, apps, scopes, scopeGrants, systemLog, clock, random);
        TokenIssuanceService tokens = new TokenIssuanceService(unitOfWork, orgs, apps, appKeys, scopes, scopeGrants,
                signingKeys, assertions, writer,
                new NimbusAccessTokenSigner(keyEncryption, crypto), writer, clock, random, urls, config.tokenTtl(),
                config.clockSkew());
        // A superseded signing key verifies until every token it signed has expired.
        VerifyingKeys verifyingKeys = new VerifyingKeys(signingKeys, config.tokenTtl().plus(config.clockSkew()));
        PublishKeysService publishKeys = new PublishKeysService(unitOfWork, orgs, verifyingKeys, clock);
        JpaRevokedTokenStore revocations = new JpaRevokedTokenStore(unitOfWork);
        NimbusAccessTokenVerifier accessTokens = new NimbusAccessTokenVerifier(crypto);
        TokenIntrospectionService introspection = new TokenIntrospectionService(unitOfWork, orgs, apps, appKeys,
                verifyingKeys, assertions, writer, accessTokens, revocations, scopeGrants,
                systemLog, clock, random, urls, config.clockSkew());
        SigningKeyRotationService rotation = new SigningKeyRotationService(unitOfWork, signingKeys, verifyingKeys,
                signingKeyFactory, systemLog, clock, random);
        JpaFlowAliasRepository aliases = new JpaFlowAliasRepository(unitOfWork);
        FlowLanguage language = new FlowLanguage(StandardCards.registry(), Limits.DEFAULT);
        FlowAdministrationService flowAdministration =
                new FlowAdministrationService(unitOfWork, flows, aliases, systemLog, clock, random, random, language);
        ExecutorService flowRuns = Executors.newFixedThreadPool(FLOW_RUN_THREADS, daemonThreads("flowgate-flow-run"));
        InvocationService invocation = new InvocationService(unitOfWork, orgs, aliases, flows, apps, scopeGrants,
                verifyingKeys,
                revocations, accessTokens, hasher, writer, clock, random, urls, language, flowRuns,
                config.flowTimeout());
        ExecutionQueryService executionQueries = new ExecutionQueryService(unitOfWork, flows,
                new JpaExecutionRepository(unitOfWork), systemLog);

        ResourceConfig application = RestApi.configuration()
                .register(new RequestSizeLimit(ADMIN_MAX_BODY_BYTES, config.maxBodyBytes()))
                .register(new OperatorAuthenticationFilter(new AuthenticateOperatorService(hasher, operatorToken)))
                .register(new AdminAuthenticationFilter(
                        new AuthenticateAdminService(unitOfWork, adminTokens, orgs, hasher)))
                .register(new HealthResource(new CheckReadinessService(new PostgresDatabaseHealth(healthDataSource,
                        schemaVersion))))
                .register(new OrgsResource(createOrg, queryOrgs, queryOrgs, urls))
                .register(new AdminTokensResource(new AdminTokenAdministrationService(unitOfWork, adminTokens,
                        systemLog, clock, random, random, hasher), urls))
                .register(new AppsResource(new AppAdministrationService(unitOfWork, apps, systemLog, clock, random),
                        urls))
                .register(new AppKeysResource(new AppKeyAdministrationService(unitOfWork, apps, appKeys,
                        new NimbusPublicKeyParser(), keyPairs, systemLog, clock, random), urls))
                .register(new GrantsResource(grants, urls))
                .register(new ScopesResource(grants, urls))
                .register(new FlowsResource(flowAdministration, new FlowEndpointService(unitOfWork, flows, apps,
                        systemLog, clock, random, random, hasher), executionQueries, urls))
                .register(new AliasesResource(flowAdministration))
                .register(new ExecutionsResource(executionQueries))
                .register(new LogsResource(executionQueries, urls))
                .register(new OAuthResource(tokens, publishKeys))
                .register(new MetadataResource(publishKeys, urls))
                .register(new TokenLifecycleResource(introspection, introspection))
                .register(new SigningKeysResource(rotation))
                .register(new InvokeResource(invocation))
                .register(new OpenApiResource());
        ScheduledExecutorService housekeeping =
                Executors.newSingleThreadScheduledExecutor(daemonThreads("flowgate-housekeeping"));
        housekeeping.scheduleWithFixedDelay(new ExpiredEntriesPurge(unitOfWork, writer, revocations, clock),
                PURGE_INTERVAL.toSeconds(), PURGE_INTERVAL.toSeconds(), TimeUnit.SECONDS);
        return new Wired(application, List.of(housekeeping::shutdownNow, writer, flowRuns::shutdown, changes), cache);
    }

    /** How often expired assertion ids and revocations are deleted; every node does it, which is harmless. */
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    /**
     * For the runs that go on after their answer ({@code flow.close}); other runs use their request's thread.
     * Runs are CPU-bound and short, so a few threads per core keep the cores busy.
     */
    static final int FLOW_RUN_THREADS = Math.max(4, 4 * Runtime.getRuntime().availableProcessors());

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
