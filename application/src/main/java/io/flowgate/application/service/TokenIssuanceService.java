package io.flowgate.application.service;

import io.flowgate.application.port.in.IssueTokenUseCase;
import io.flowgate.application.port.in.OAuthError;
import io.flowgate.application.port.in.OrgUrls;
import io.flowgate.application.port.out.AccessTokenSigner;
import io.flowgate.application.port.out.AccessTokenSigner.AccessTokenClaims;
import io.flowgate.application.port.out.AppKeyRepository;
import io.flowgate.application.port.out.AppRepository;
import io.flowgate.application.port.out.ClientAssertionReader;
import io.flowgate.application.port.out.Clock;
import io.flowgate.application.port.out.IdGenerator;
import io.flowgate.application.port.out.Journal;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.ReplayStore;
import io.flowgate.application.port.out.ScopeGrantRepository;
import io.flowgate.application.port.out.ScopeRepository;
import io.flowgate.application.port.out.SigningKeyRepository;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.application.service.ClientAuthenticator.Rejected;
import io.flowgate.application.service.ClientAuthenticator.Verified;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.app.App;
import io.flowgate.domain.key.SigningKey;
import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.log.LogEventId;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.scope.ScopeGrant;
import io.flowgate.domain.scope.ScopeName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Issues access tokens for the client credentials grant. The client authenticates first (401 on
 * any doubt), then the grant type and the scopes are checked (400). Every outcome is logged.
 * What it reads may come from the per-node cache. What it writes goes through group commits: the
 * assertion id together with the answer's log event, in the one commit a token waits for.
 */
public final class TokenIssuanceService implements IssueTokenUseCase {

    static final String CLIENT_CREDENTIALS = "client_credentials";
    private static final String OPENID = "openid";

    private final UnitOfWork unitOfWork;
    private final OrgRepository orgs;
    private final ScopeRepository scopes;
    private final ScopeGrantRepository grants;
    private final SigningKeyRepository signingKeys;
    private final AccessTokenSigner signer;
    private final ClientAuthenticator authenticator;
    private final ReplayStore replays;
    private final Journal journal;
    private final Clock clock;
    private final IdGenerator ids;
    private final OrgUrls urls;
    private final Duration tokenTtl;

    public TokenIssuanceService(UnitOfWork unitOfWork, OrgRepository orgs, AppRepository apps, AppKeyRepository keys,
                                ScopeRepository scopes, ScopeGrantRepository grants, SigningKeyRepository signingKeys,
                                ClientAssertionReader assertions, ReplayStore replays, AccessTokenSigner signer,
                                Journal journal, Clock clock, IdGenerator ids, OrgUrls urls, Duration tokenTtl,
                                Duration clockSkew) {
        this.unitOfWork = unitOfWork;
        this.orgs = orgs;
        this.scopes = scopes;
        this.grants = grants;
        this.signingKeys = signingKeys;
        this.signer = signer;
        this.authenticator = new ClientAuthenticator(apps, keys, assertions, replays, clockSkew);
        this.replays = replays;
        this.journal = journal;
        this.clock = clock;
        this.ids = ids;
        this.urls = urls;
        this.tokenTtl = tokenTtl;
    }

    @Override
    public CompletableFuture<TokenResult> issueToken(TokenRequest request) {
        return unitOfWork.reading(() -> {
            Org org = orgs.findBySlug(request.slug())
                    .orElseThrow(() -> new NotFound("no authorization server at this URL"));
            Instant now = clock.now();
            if (request.repeatedParameter()) {
                return CompletableFuture.completedFuture(refuse(org, now, "unknown-client", "parameter_repeated",
                        OAuthError.INVALID_REQUEST, "each parameter may be sent only once"));
            }
            if (request.otherClientAuthentication() && request.clientAssertion().isPresent()) {
                return CompletableFuture.completedFuture(refuse(org, now, "unknown-client", "multiple_client_auth",
                        OAuthError.INVALID_REQUEST, "use exactly one client authentication method: private_key_jwt"));
            }
            ClientAuthenticator.Outcome outcome = authenticator.verify(org, request.clientAssertionType(),
                    request.clientAssertion(), request.clientId(),
                    Set.of(urls.tokenEndpoint(org.slug()), urls.issuer(org.slug())), now);
            if (outcome instanceof Rejected rejected) {
                return CompletableFuture.completedFuture(refuse(org, now,
                        rejected.claimedClient().map(Object::toString).orElse("unknown-client"), rejected));
            }
            Verified client = (Verified) outcome;
            Answer answer = answer(org, client.app(), request, now);
            // One commit makes the assertion used and records the answer: a refused request uses it up too.
            // The commit completes on the writer's thread, so what follows it must not wait for the writer.
            return replays.firstUse(org.id(), client.app().id(), client.jti(), client.forgetAfter(), answer.logEvent())
                    .thenCompose(first -> first
                            ? CompletableFuture.completedFuture(answer.result())
                            : refuseReplayed(org, now, client));
        });
    }

    /** What to answer an authenticated client, and the system-log entry that records it. */
    private record Answer(TokenResult result, LogEvent logEvent) {
    }

    private Answer answer(Org org, App app, TokenRequest request, Instant now) {
        String actor = app.id().value();
        if (request.grantType().isEmpty()) {
            return refusal(org, now, actor, "grant_type_missing", OAuthError.INVALID_REQUEST,
                    "grant_type is required: client_credentials");
        }
        if (!request.grantType().get().equals(CLIENT_CREDENTIALS)) {
            return refusal(org, now, actor, "grant_type_unsupported", OAuthError.UNSUPPORTED_GRANT_TYPE,
                    "this server supports only grant_type=client_credentials");
        }
        Set<ScopeName> granted = grants.listForApp(org.id(), app.id()).stream()
                .map(ScopeGrant::scope)
                .collect(Collectors.toSet());
        ScopeCheck check = checkScopes(request.scope(), granted);
        if (check.problem().isPresent()) {
            return refusal(org, now, actor, "scope_invalid", OAuthError.INVALID_SCOPE, check.problem().get());
        }
        SigningKey key = signingKeys.findActive(org.id())
                .orElseThrow(() -> new IllegalStateException("org " + org.id() + " has no active signing key"));
        String accessToken = signer.sign(key, new AccessTokenClaims(ids.newId(), urls.issuer(org.slug()),
                app.id(), check.scopes(), now, now.plus(tokenTtl)));
        return new Answer(new Issued(accessToken, tokenTtl.toSeconds(), check.scopes()),
                logEvent(org, now, actor, "token.issued", LogEvent.Outcome.SUCCESS, Optional.empty()));
    }

    private Answer refusal(Org org, Instant now, String actor, String reason, OAuthError error, String description) {
        return new Answer(new Refused(error, description), denied(org, now, actor, reason));
    }

    private record ScopeCheck(List<ScopeName> scopes, Optional<String> problem) {
    }

    /** Every requested scope must exist, must not be {@code openid} (no OIDC here), and must be granted. */
    private ScopeCheck checkScopes(Optional<String> requested, Set<ScopeName> granted) {
        if (requested.isEmpty() || requested.get().isBlank()) {
            return problem("scope is required, e.g. scope=okta.workflows.invoke.manage");
        }
        Set<ScopeName> names = new LinkedHashSet<>();
        for (String token : requested.get().trim().split(" +")) {
            if (token.equals(OPENID)) {
                return problem("openid is not offered: this authorization server issues access tokens only");
            }
            ScopeName name;
            try {
                name = new ScopeName(token);
            } catch (InvalidValue e) {
                return problem("the scope parameter holds a malformed scope");
            }
            if (scopes.find(name).isEmpty()) {
                return problem("a requested scope does not exist");
            }
            if (!granted.contains(name)) {
                return problem("a requested scope is not granted to this app");
            }
            names.add(name);
        }
        return new ScopeCheck(new ArrayList<>(names), Optional.empty());
    }

    private static ScopeCheck problem(String description) {
        return new ScopeCheck(List.of(), Optional.of(description));
    }

    /** A refusal that uses no assertion up: its log entry is committed on its own. */
    private Refused refuse(Org org, Instant now, String actor, String reason, OAuthError error, String description) {
        journal.recordDurably(denied(org, now, actor, reason));
        return new Refused(error, description);
    }

    private Refused refuse(Org org, Instant now, String actor, Rejected rejected) {
        return refuse(org, now, actor, rejected.reason(), OAuthError.INVALID_CLIENT, rejected.description());
    }

    /** {@link #refuse} for an assertion already used, whose log entry is committed without waiting for it. */
    private CompletableFuture<TokenResult> refuseReplayed(Org org, Instant now, Verified client) {
        Rejected replayed = ClientAuthenticator.replayed(client.app().id());
        return journal.record(denied(org, now, client.app().id().value(), replayed.reason()))
                .thenApply(recorded -> new Refused(OAuthError.INVALID_CLIENT, replayed.description()));
    }

    private LogEvent denied(Org org, Instant now, String actor, String reason) {
        return logEvent(org, now, actor, "token.denied", LogEvent.Outcome.FAILURE, Optional.of(reason));
    }

    private LogEvent logEvent(Org org, Instant now, String actor, String eventType, LogEvent.Outcome outcome,
                              Optional<String> reason) {
        return new LogEvent(new LogEventId(ids.newId()), org.id(), now, eventType, actor, "token-endpoint", outcome,
                reason);
    }
}
