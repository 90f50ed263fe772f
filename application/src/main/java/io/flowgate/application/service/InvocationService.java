package io.flowgate.application.service;

import io.flowgate.application.port.in.InvokeFlowUseCase;
import io.flowgate.application.port.in.OrgUrls;
import io.flowgate.application.port.out.AccessTokenSigner.AccessTokenClaims;
import io.flowgate.application.port.out.AccessTokenVerifier;
import io.flowgate.application.port.out.AppRepository;
import io.flowgate.application.port.out.Clock;
import io.flowgate.application.port.out.FlowAliasRepository;
import io.flowgate.application.port.out.FlowRepository;
import io.flowgate.application.port.out.IdGenerator;
import io.flowgate.application.port.out.Journal;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.RevokedTokenStore;
import io.flowgate.application.port.out.ScopeGrantRepository;
import io.flowgate.application.port.out.SecretHasher;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.app.App;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.execution.Caller;
import io.flowgate.domain.execution.Execution;
import io.flowgate.domain.execution.ExecutionId;
import io.flowgate.domain.flow.AliasBinding;
import io.flowgate.domain.flow.Flow;
import io.flowgate.domain.flow.FlowAlias;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.flow.language.CalledFlow;
import io.flowgate.domain.flow.language.FlowLanguage;
import io.flowgate.domain.flow.language.FlowLookup;
import io.flowgate.domain.flow.language.FlowProgram;
import io.flowgate.domain.flow.language.Outcome;
import io.flowgate.domain.flow.language.Response;
import io.flowgate.domain.flow.language.RunEnvironment;
import io.flowgate.domain.flow.language.RunInputs;
import io.flowgate.domain.flow.language.RunResult;
import io.flowgate.domain.flow.language.json.JsonArray;
import io.flowgate.domain.flow.language.json.JsonNull;
import io.flowgate.domain.flow.language.json.JsonNumber;
import io.flowgate.domain.flow.language.json.JsonObject;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.log.LogEventId;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgSlug;
import io.flowgate.domain.policy.AuthorizationDecision;
import io.flowgate.domain.policy.AuthorizationDecision.Deny;
import io.flowgate.domain.policy.EndpointSecurityPolicy;
import io.flowgate.domain.policy.InvocationCredential;
import io.flowgate.domain.policy.SecurityLevel;
import io.flowgate.domain.scope.Scope;
import io.flowgate.domain.scope.ScopeGrant;
import io.flowgate.domain.scope.ScopeName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Invoking a flow: find it, apply its endpoint security, then run it and answer with its output.
 * The execution is durable before the answer leaves; a run that ended hands its answer back with the
 * commit still to come ({@code Ran.recorded}), so that no thread waits for it. A bearer token's
 * signature is checked once per token; revocation, the client app's status and its grants are
 * looked up on every call, from the per-node cache that every change drops, so they apply at once
 * on this node and within a moment on the others.
 */
public final class InvocationService implements InvokeFlowUseCase {

    private static final String BEARER_INVALID = "the access token is invalid, expired or revoked";
    /** The run itself stops at its deadline; this margin only guards against a stuck thread. */
    private static final Duration WAIT_MARGIN = Duration.ofSeconds(5);
    /** Tries at recording the end of a run that answered early, paused 1, 2, 3 ... seconds apart: 45 s in all. */
    private static final int END_RECORD_ATTEMPTS = 10;
    private static final Duration END_RECORD_PAUSE = Duration.ofSeconds(1);
    private static final System.Logger LOG = System.getLogger(InvocationService.class.getName());

    private final UnitOfWork unitOfWork;
    private final OrgRepository orgs;
    private final FlowAliasRepository aliases;
    private final FlowRepository flows;
    private final AppRepository apps;
    private final ScopeGrantRepository grants;
    private final VerifyingKeys verifyingKeys;
    private final RevokedTokenStore revocations;
    private final AccessTokenVerifier verifier;
    private final SecretHasher hasher;
    private final Journal journal;
    private final Clock clock;
    private final IdGenerator ids;
    private final OrgUrls urls;
    private final FlowLanguage language;
    private final FlowPrograms programs;
    private final ExecutorService runs;
    private final Duration flowTimeout;
    private final VerifiedTokenCache verifiedTokens = new VerifiedTokenCache();
    private final FlowRateLimiter rateLimiter = new FlowRateLimiter();

    public InvocationService(UnitOfWork unitOfWork, OrgRepository orgs, FlowAliasRepository aliases,
                             FlowRepository flows, AppRepository apps, ScopeGrantRepository grants,
                             VerifyingKeys verifyingKeys,
                             RevokedTokenStore revocations, AccessTokenVerifier verifier, SecretHasher hasher,
                             Journal journal, Clock clock, IdGenerator ids,
                             OrgUrls urls, FlowLanguage language, ExecutorService runs, Duration flowTimeout) {
        this.unitOfWork = unitOfWork;
        this.orgs = orgs;
        this.aliases = aliases;
        this.flows = flows;
        this.apps = apps;
        this.grants = grants;
        this.verifyingKeys = verifyingKeys;
        this.revocations = revocations;
        this.verifier = verifier;
        this.hasher = hasher;
        this.journal = journal;
        this.clock = clock;
        this.ids = ids;
        this.urls = urls;
        this.language = language;
        this.programs = new FlowPrograms(language);
        this.runs = runs;
        this.flowTimeout = flowTimeout;
    }

    /** The outcome of the endpoint's security: let through as a caller, or stopped with an answer. */
    private sealed interface Security {
    }

    /** Whether the invocation gets to run its flow. */
    private sealed interface Admission {
    }

    private record Admitted(Caller caller) implements Security {
    }

    private record Stopped(InvocationResult result) implements Security, Admission {
    }

    private record Target(Org org, Flow flow, Caller caller) implements Admission {
    }

    @Override
    public InvocationResult invoke(Invocation invocation) {
        Optional<OrgSlug> slug = Ids.parse(() -> new OrgSlug(invocation.slug()));
        Optional<FlowAlias> alias = Ids.parse(() -> new FlowAlias(invocation.alias()));
        if (slug.isEmpty() || alias.isEmpty()) {
            return new FlowNotFound();
        }
        Instant now = clock.now();
        Admission admission = unitOfWork.reading(() -> admit(slug.get(), alias.get(), invocation, now));
        if (admission instanceof Stopped stopped) {
            return stopped.result();
        }
        Target target = (Target) admission;
        long retryAfter = rateLimiter.acquire(target.flow().id(), target.flow().endpoint().rateLimit(),
                now.getEpochSecond() * 1_000_000_000L + now.getNano());
        if (retryAfter > 0) {
            deny(target.org(), target.flow(), target.caller(), "rate_limited", now);
            return new RateLimited(retryAfter);
        }
        JsonObject request;
        try {
            request = RequestDocument.of(invocation);
        } catch (RequestDocument.MalformedBody e) {
            deny(target.org(), target.flow(), target.caller(), "body_malformed", now);
            return new Refused(400, Optional.empty(), e.getMessage(), Optional.empty(), false);
        }
        return run(target, request, now);
    }

    /** Org, alias and flow, then the endpoint's security, then the flow's state; in one reading unit of work. */
    private Admission admit(OrgSlug slug, FlowAlias alias, Invocation invocation, Instant now) {
        Optional<Org> org = orgs.findBySlug(slug);
        Optional<Flow> flow = org.flatMap(found -> aliases.find(found.id(), alias))
                .map(AliasBinding::flowId)
                .flatMap(flowId -> flows.find(org.get().id(), flowId));
        if (flow.isEmpty()) {
            return new Stopped(new FlowNotFound());
        }
        Security security = authorize(org.get(), flow.get(), invocation, now);
        if (security instanceof Stopped stopped) {
            return stopped;
        }
        Caller caller = ((Admitted) security).caller();
        if (!flow.get().isActive()) {
            deny(org.get(), flow.get(), caller, "flow_inactive", now);
            return new Stopped(new FlowInactive());
        }
        return new Target(org.get(), flow.get(), caller);
    }

    private Security authorize(Org org, Flow flow, Invocation invocation, Instant now) {
        EndpointSecurityPolicy policy = flow.endpoint().security();
        SecurityLevel level = policy.level();
        Caller anonymous = Caller.anonymous(level);
        switch (level) {
            case PUBLIC:
                return new Admitted(anonymous);
            case CLIENT_TOKEN: {
                if (invocation.clientTokenHeader().isPresent() && invocation.clientTokenQuery().isPresent()) {
                    return refuse(org, flow, anonymous, "client_token_twice", now, new Refused(400, Optional.empty(),
                            "send the client token either as the x-api-client-token header or as the clientToken"
                                    + " query parameter, not both", Optional.empty(), false));
                }
                InvocationCredential credential = invocation.clientTokenHeader().or(invocation::clientTokenQuery)
                        .<InvocationCredential>map(token -> new InvocationCredential.PresentedClientToken(hasher.hash(token)))
                        .orElseGet(InvocationCredential.None::new);
                if (!policy.authorize(credential).permitted()) {
                    return refuse(org, flow, anonymous, "client_token_invalid", now, new Refused(401, Optional.empty(),
                            "a valid client token is required (x-api-client-token header or clientToken query"
                                    + " parameter)", Optional.empty(), false));
                }
                return new Admitted(anonymous);
            }
            default:
                return authorizeBearer(org, flow, policy, invocation.credential(), now);
        }
    }

    private Security authorizeBearer(Org org, Flow flow, EndpointSecurityPolicy policy, PresentedCredential presented,
                                   Instant now) {
        Caller anonymous = Caller.anonymous(SecurityLevel.OAUTH2);
        if (presented instanceof PresentedCredential.NoCredential) {
            return refuse(org, flow, anonymous, "token_missing", now, new Refused(401, Optional.empty(),
                    "this flow requires an OAuth 2.0 access token: Authorization: Bearer <token>", Optional.empty(),
                    true));
        }
        if (presented instanceof PresentedCredential.MalformedBearer) {
            return refuse(org, flow, anonymous, "token_malformed", now, new Refused(400, Optional.of("invalid_request"),
                    "the Authorization header must be 'Bearer <token>'", Optional.empty(), true));
        }
        String token = ((PresentedCredential.Bearer) presented).token();
        Optional<AccessTokenClaims> claims = verified(org, token, now)
                .filter(valid -> valid.expiresAt().isAfter(now))
                .filter(valid -> !revocations.isRevoked(org.id(), valid.jwtId()));
        Optional<App> app = claims.flatMap(valid -> apps.find(org.id(), valid.clientId())).filter(App::isActive);
        if (app.isEmpty()) {
            return refuse(org, flow, anonymous, "token_invalid", now, new Refused(401, Optional.of("invalid_token"),
                    BEARER_INVALID, Optional.empty(), true));
        }
        // A scope counts only while the app still holds its grant: revoking the grant takes effect at once.
        Set<ScopeName> stillGranted = grants.listForApp(org.id(), app.get().id()).stream()
                .map(ScopeGrant::scope)
                .collect(Collectors.toSet());
        Set<ScopeName> scopes = claims.get().scopes().stream().filter(stillGranted::contains)
                .collect(Collectors.toUnmodifiableSet());
        Caller caller = new Caller(Optional.of(app.get().id()), scopes, SecurityLevel.OAUTH2);
        AuthorizationDecision decision = policy.authorize(new InvocationCredential.VerifiedBearer(app.get().id(), scopes));
        if (decision instanceof Deny deny) {
            return switch (deny.reason()) {
                case INSUFFICIENT_SCOPE -> refuse(org, flow, caller, "insufficient_scope", now, new Refused(403,
                        Optional.of("insufficient_scope"), "the access token lacks the scope " + Scope.INVOKE_FLOWS,
                        Optional.of(Scope.INVOKE_FLOWS.value()), true));
                default -> refuse(org, flow, caller, "app_not_allowed", now, new Refused(403, Optional.empty(),
                        "this app is not allowed to invoke this flow", Optional.empty(), true));
            };
        }
        return new Admitted(caller);
    }

    /** The claims of a token whose signature verified with one of the org's keys, from the cache when seen before. */
    private Optional<AccessTokenClaims> verified(Org org, String token, Instant now) {
        String key = hasher.hash(token).value();
        Optional<AccessTokenClaims> cached = verifiedTokens.get(key, now);
        if (cached.isPresent()) {
            // a token of one org is unknown in another, even from the cache
            return cached.filter(claims -> claims.issuer().equals(urls.issuer(org.slug())));
        }
        Optional<AccessTokenClaims> claims = verifier.verify(token, verifyingKeys.of(org.id(), now),
                urls.issuer(org.slug()));
        claims.ifPresent(valid -> verifiedTokens.put(key, valid));
        return claims;
    }

    private InvocationResult run(Target target, JsonObject request, Instant now) {
        Flow flow = target.flow();
        Caller caller = target.caller();
        Execution execution = Execution.start(new ExecutionId(ids.newId()), target.org().id(), flow.id(),
                flow.version(), caller, now);
        RunInputs inputs = new RunInputs(request, callerDocument(caller), flowDocument(flow),
                JsonObject.builder().put("id", JsonString.of(execution.id().value())).build());
        CompletableFuture<Response> early = new CompletableFuture<>();
        RunEnvironment environment = new RunEnvironment(clock::now, now.plus(flowTimeout),
                lookup(target.org()), early::complete);
        FlowProgram program = programs.programOf(flow);
        Supplier<RunResult> theRun = () -> language.run(program, inputs, environment);
        // A run that can answer early goes on after its answer, so it needs a thread of its own. Any other
        // ends before the answer and runs here, sparing a hand-over to another thread and back per call: its
        // deadline is checked before each step, its steps are bounded, and it waits for nothing but
        // flow.call's lookup, a read like the ones this request has already made.
        CompletableFuture<RunResult> result = program.answersEarly()
                ? CompletableFuture.supplyAsync(theRun, runs)
                : runHere(theRun);
        LogEvent allowed = event(target.org(), flow, caller, "invoke.allowed", LogEvent.Outcome.SUCCESS,
                Optional.empty(), now);
        try {
            CompletableFuture.anyOf(early, result).get(flowTimeout.plus(WAIT_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running flow " + flow.id(), e);
        } catch (TimeoutException e) {
            execution.timeOut(clock.now(), List.of());
            journal.recordDurably(execution, Optional.of(allowed));
            return new Ran(execution.id(), new TimedOut());
        } catch (ExecutionException e) {
            execution.fail(clock.now(), "the flow could not run: " + e.getCause().getClass().getSimpleName(),
                    List.of());
            journal.recordDurably(execution, Optional.of(allowed));
            return new Ran(execution.id(), new Failed());
        }
        if (!result.isDone()) {
            // flow.close answered: the answer waits only for the RUNNING record; the end is recorded later.
            journal.recordDurably(execution, Optional.of(allowed));
            // On the runs' pool even when the run has already ended, so that the answer never waits for this write.
            result.whenCompleteAsync((finished, error) -> {
                finish(execution, finished, error);
                recordEnd(execution);
            }, runs);
            return new Ran(execution.id(), new Answered(early.join()));
        }
        RunResult finished = result.join();
        finish(execution, finished, null);
        // The thread does not wait for the commit: the caller sends the answer once it is done.
        return new Ran(execution.id(), answer(finished), journal.record(execution, allowed));
    }

    /**
     * The end of a run that answered early. Nobody waits for it, so a write that fails (the database out of
     * reach for a moment) is tried again, with growing pauses, before the execution is given up as RUNNING.
     */
    private void recordEnd(Execution execution) {
        for (int attempt = 1; ; attempt++) {
            try {
                journal.recordDurably(execution, Optional.empty());
                return;
            } catch (RuntimeException e) {
                if (attempt == END_RECORD_ATTEMPTS) {
                    LOG.log(System.Logger.Level.ERROR, "the end of execution " + execution.id().value()
                            + " could not be recorded; it stays RUNNING", e);
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "recording the end of execution {0} failed ({1}); trying again",
                        execution.id().value(), e.getCause() != null ? e.getCause() : e);
                try {
                    Thread.sleep(END_RECORD_PAUSE.toMillis() * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * The run on this thread, as the future of a run elsewhere would hold it: whatever it throws, an error
     * such as running out of memory included, is the future's, so the execution is still recorded as failed.
     */
    private static CompletableFuture<RunResult> runHere(Supplier<RunResult> run) {
        try {
            return CompletableFuture.completedFuture(run.get());
        } catch (Throwable e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void finish(Execution execution, RunResult result, Throwable error) {
        Instant end = clock.now();
        if (error != null || result == null) {
            execution.fail(end, "the flow could not run", List.of());
            return;
        }
        switch (result.outcome().status()) {
            case SUCCEEDED -> execution.succeed(end, result.trace());
            case TIMED_OUT -> execution.timeOut(end, result.trace());
            default -> execution.fail(end, result.outcome().error().orElse("failed"), result.trace());
        }
    }

    private static FlowAnswer answer(RunResult result) {
        Optional<Response> response = result.response();
        if (response.isPresent()) {
            return new Answered(response.get());
        }
        if (result.outcome() instanceof Outcome.ReturnedError returned) {
            return new FlowError(returned.message());
        }
        if (result.outcome() instanceof Outcome.TimedOut) {
            return new TimedOut();
        }
        return new Failed();
    }

    /** {@code flow.call} reaches flows of the same org by id or alias, each lookup its own short read. */
    private FlowLookup lookup(Org org) {
        return reference -> unitOfWork.reading(() -> {
            Optional<Flow> flow = Ids.parse(() -> new FlowAlias(reference))
                    .flatMap(alias -> aliases.find(org.id(), alias))
                    .map(AliasBinding::flowId)
                    .or(() -> Ids.parse(() -> new FlowId(reference)))
                    .flatMap(id -> flows.find(org.id(), id))
                    .filter(Flow::isActive);
            return flow.map(found -> new CalledFlow(programs.programOf(found), flowDocument(found)));
        });
    }

    private static JsonObject callerDocument(Caller caller) {
        JsonArray.Builder scopes = JsonArray.builder();
        caller.scopes().stream().map(ScopeName::value).sorted().forEach(scope -> scopes.add(JsonString.of(scope)));
        return JsonObject.builder()
                .put("clientId", caller.clientId().map(AppId::value).<JsonValue>map(JsonString::of)
                        .orElse(JsonNull.INSTANCE))
                .put("scopes", scopes.build())
                .put("security", JsonString.of(caller.security().name()))
                .build();
    }

    private static JsonObject flowDocument(Flow flow) {
        return JsonObject.builder()
                .put("id", JsonString.of(flow.id().value()))
                .put("name", JsonString.of(flow.name()))
                .put("version", JsonNumber.of(flow.version()))
                .build();
    }

    private Stopped refuse(Org org, Flow flow, Caller caller, String reason, Instant now, Refused refusal) {
        deny(org, flow, caller, reason, now);
        return new Stopped(refusal);
    }

    private void deny(Org org, Flow flow, Caller caller, String reason, Instant now) {
        journal.recordDurably(event(org, flow, caller, "invoke.denied", LogEvent.Outcome.FAILURE,
                Optional.of(reason), now));
    }

    private LogEvent event(Org org, Flow flow, Caller caller, String type, LogEvent.Outcome outcome,
                           Optional<String> reason, Instant now) {
        return new LogEvent(new LogEventId(ids.newId()), org.id(), now, type,
                caller.clientId().map(AppId::value).orElse("anonymous"), "flow:" + flow.id(), outcome, reason);
    }
}
