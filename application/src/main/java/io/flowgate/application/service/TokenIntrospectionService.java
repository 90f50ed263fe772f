package io.flowgate.application.service;

import io.flowgate.application.port.in.ClientTokenRequest;
import io.flowgate.application.port.in.IntrospectTokenUseCase;
import io.flowgate.application.port.in.OAuthError;
import io.flowgate.application.port.in.OrgUrls;
import io.flowgate.application.port.in.RevokeTokenUseCase;
import io.flowgate.application.port.out.AccessTokenSigner.AccessTokenClaims;
import io.flowgate.application.port.out.AccessTokenVerifier;
import io.flowgate.application.port.out.AppKeyRepository;
import io.flowgate.application.port.out.AppRepository;
import io.flowgate.application.port.out.ClientAssertionReader;
import io.flowgate.application.port.out.Clock;
import io.flowgate.application.port.out.IdGenerator;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.ReplayStore;
import io.flowgate.application.port.out.RevokedTokenStore;
import io.flowgate.application.port.out.ScopeGrantRepository;
import io.flowgate.application.port.out.SystemLog;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.application.service.ClientAuthenticator.Authenticated;
import io.flowgate.application.service.ClientAuthenticator.Rejected;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.app.App;
import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.log.LogEventId;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.scope.ScopeGrant;
import io.flowgate.domain.scope.ScopeName;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Introspection and revocation. Both authenticate the client like the token endpoint does; a
 * client only ever sees or revokes its own tokens, and someone else's token looks inactive.
 */
public final class TokenIntrospectionService implements IntrospectTokenUseCase, RevokeTokenUseCase {

    private final UnitOfWork unitOfWork;
    private final OrgRepository orgs;
    private final VerifyingKeys verifyingKeys;
    private final AccessTokenVerifier verifier;
    private final RevokedTokenStore revocations;
    private final ScopeGrantRepository grants;
    private final ClientAuthenticator authenticator;
    private final SystemLog systemLog;
    private final Clock clock;
    private final IdGenerator ids;
    private final OrgUrls urls;

    public TokenIntrospectionService(UnitOfWork unitOfWork, OrgRepository orgs, AppRepository apps,
                                     AppKeyRepository keys, VerifyingKeys verifyingKeys,
                                     ClientAssertionReader assertions, ReplayStore replays,
                                     AccessTokenVerifier verifier, RevokedTokenStore revocations,
                                     ScopeGrantRepository grants, SystemLog systemLog, Clock clock, IdGenerator ids,
                                     OrgUrls urls, Duration clockSkew) {
        this.unitOfWork = unitOfWork;
        this.orgs = orgs;
        this.verifyingKeys = verifyingKeys;
        this.verifier = verifier;
        this.revocations = revocations;
        this.grants = grants;
        this.authenticator = new ClientAuthenticator(apps, keys, assertions, replays, clockSkew);
        this.systemLog = systemLog;
        this.clock = clock;
        this.ids = ids;
        this.urls = urls;
    }

    @Override
    public IntrospectionResult introspect(ClientTokenRequest request) {
        return unitOfWork.inTransaction(() -> {
            Org org = org(request);
            Instant now = clock.now();
            Client client = authenticate(org, request, "/oauth2/v1/introspect", now);
            if (client.refusal().isPresent()) {
                return client.refusal().get();
            }
            App app = client.app().orElseThrow();
            return new Introspection(request.token().flatMap(token -> ownActiveToken(org, app, token, now))
                    .map(claims -> withScopesStillGranted(org, app, claims)));
        });
    }

    @Override
    public Optional<IntrospectionRefused> revoke(ClientTokenRequest request) {
        return unitOfWork.inTransaction(() -> {
            Org org = org(request);
            Instant now = clock.now();
            Client client = authenticate(org, request, "/oauth2/v1/revoke", now);
            if (client.refusal().isPresent()) {
                return client.refusal();
            }
            App app = client.app().orElseThrow();
            request.token().flatMap(token -> ownActiveToken(org, app, token, now)).ifPresent(claims -> {
                revocations.revoke(org.id(), claims.jwtId(), claims.expiresAt());
                log(org, now, app.id().value(), "token.revoked", LogEvent.Outcome.SUCCESS, Optional.empty());
            });
            return Optional.empty();
        });
    }

    /** The authenticated app, or the refusal to answer with. */
    private record Client(Optional<App> app, Optional<IntrospectionRefused> refusal) {
    }

    /** Client authentication exactly as at the token endpoint, with this endpoint's URL as the audience. */
    private Client authenticate(Org org, ClientTokenRequest request, String endpointPath, Instant now) {
        if (request.otherClientAuthentication() && request.clientAssertion().isPresent()) {
            log(org, now, "unknown-client", "token.introspection_denied", LogEvent.Outcome.FAILURE,
                    Optional.of("multiple_client_auth"));
            return new Client(Optional.empty(), Optional.of(new IntrospectionRefused(OAuthError.INVALID_REQUEST,
                    "use exactly one client authentication method: private_key_jwt")));
        }
        String issuer = urls.issuer(org.slug());
        ClientAuthenticator.Outcome outcome = authenticator.authenticate(org, request.clientAssertionType(),
                request.clientAssertion(), request.clientId(), Set.of(issuer + endpointPath, issuer), now);
        if (outcome instanceof Rejected rejected) {
            log(org, now, rejected.claimedClient().map(Object::toString).orElse("unknown-client"),
                    "token.introspection_denied", LogEvent.Outcome.FAILURE, Optional.of(rejected.reason()));
            return new Client(Optional.empty(),
                    Optional.of(new IntrospectionRefused(OAuthError.INVALID_CLIENT, rejected.description())));
        }
        return new Client(Optional.of(((Authenticated) outcome).app()), Optional.empty());
    }

    private Optional<AccessTokenClaims> ownActiveToken(Org org, App app, String token, Instant now) {
        return verifier.verify(token, verifyingKeys.of(org.id(), now), urls.issuer(org.slug()))
                .filter(claims -> claims.clientId().equals(app.id()))
                // Active exactly while the invoke endpoint would accept it (RFC 7662 §2.2): no skew on our own exp.
                .filter(claims -> claims.expiresAt().isAfter(now))
                .filter(claims -> !revocations.isRevoked(org.id(), claims.jwtId()));
    }

    /** The scopes the invoke endpoint would count: those the app still holds a grant of. */
    private AccessTokenClaims withScopesStillGranted(Org org, App app, AccessTokenClaims claims) {
        Set<ScopeName> stillGranted = grants.listForApp(org.id(), app.id()).stream()
                .map(ScopeGrant::scope)
                .collect(Collectors.toSet());
        return new AccessTokenClaims(claims.jwtId(), claims.issuer(), claims.clientId(),
                claims.scopes().stream().filter(stillGranted::contains).toList(), claims.issuedAt(), claims.expiresAt());
    }

    private Org org(ClientTokenRequest request) {
        return orgs.findBySlug(request.slug()).orElseThrow(() -> new NotFound("no authorization server at this URL"));
    }

    private void log(Org org, Instant now, String actor, String eventType, LogEvent.Outcome outcome,
                     Optional<String> reason) {
        systemLog.append(new LogEvent(new LogEventId(ids.newId()), org.id(), now, eventType, actor, "token-endpoint",
                outcome, reason));
    }
}
