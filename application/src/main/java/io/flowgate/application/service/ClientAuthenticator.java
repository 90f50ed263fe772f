package io.flowgate.application.service;

import io.flowgate.application.port.out.AppKeyRepository;
import io.flowgate.application.port.out.AppRepository;
import io.flowgate.application.port.out.ClientAssertionReader;
import io.flowgate.application.port.out.ClientAssertionReader.ClientAssertion;
import io.flowgate.application.port.out.ReplayStore;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.app.App;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.key.AppKey;
import io.flowgate.domain.org.Org;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates a client by its assertion (RFC 7523 §3), for the token, introspection and
 * revocation endpoints alike. Claim checks that do not depend on the client come first and explain
 * themselves; everything that could reveal whether a client exists shares one description.
 */
final class ClientAuthenticator {

    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** Said for an unknown client, an inactive app, an unknown key and a bad signature alike. */
    static final String NOT_AUTHENTICATED =
            "the client could not be authenticated: unknown client, inactive app, or no active key of the app"
                    + " verifies the signature";
    static final Duration MAX_ASSERTION_LIFETIME = Duration.ofHours(1);
    private static final int MAX_JTI_LENGTH = 255;

    /** The authenticated app, or why not: {@code reason} is a short code for the system log. */
    sealed interface Outcome {
    }

    record Authenticated(App app) implements Outcome {
    }

    /**
     * Everything holds but the single use, still to be checked: {@code jti} is to be remembered
     * until {@code forgetAfter}.
     */
    record Verified(App app, String jti, Instant forgetAfter) implements Outcome {
    }

    record Rejected(String reason, String description, Optional<AppId> claimedClient) implements Outcome {
    }

    private final AppRepository apps;
    private final AppKeyRepository keys;
    private final ClientAssertionReader reader;
    private final ReplayStore replays;
    private final Duration clockSkew;

    ClientAuthenticator(AppRepository apps, AppKeyRepository keys, ClientAssertionReader reader, ReplayStore replays,
                        Duration clockSkew) {
        this.apps = apps;
        this.keys = keys;
        this.reader = reader;
        this.replays = replays;
        this.clockSkew = clockSkew;
    }

    /**
     * Every check, the single use included.
     *
     * @param audiences the values {@code aud} may take: this endpoint's URL and the issuer
     * @param clientIdField the {@code client_id} form field, if the client sent one
     * @return {@link Authenticated} or {@link Rejected}
     */
    Outcome authenticate(Org org, Optional<String> assertionType, Optional<String> assertion,
                         Optional<String> clientIdField, Set<String> audiences, Instant now) {
        Outcome outcome = verify(org, assertionType, assertion, clientIdField, audiences, now);
        if (!(outcome instanceof Verified verified)) {
            return outcome;
        }
        if (!replays.firstUse(org.id(), verified.app().id(), verified.jti(), verified.forgetAfter())) {
            return replayed(verified.app().id());
        }
        return new Authenticated(verified.app());
    }

    /**
     * Every check but the single use, which the caller makes with {@link ReplayStore} before it
     * answers — together with recording its answer, in one commit.
     *
     * @return {@link Verified} or {@link Rejected}
     */
    Outcome verify(Org org, Optional<String> assertionType, Optional<String> assertion,
                   Optional<String> clientIdField, Set<String> audiences, Instant now) {
        if (assertion.isEmpty()) {
            return reject("assertion_missing", "client authentication is required: send client_assertion"
                    + " (private_key_jwt)", Optional.empty());
        }
        if (!assertionType.map(JWT_BEARER::equals).orElse(false)) {
            return reject("assertion_type", "client_assertion_type must be " + JWT_BEARER, Optional.empty());
        }
        ClientAssertion claims;
        try {
            claims = reader.read(assertion.get());
        } catch (ClientAssertionReader.Unreadable e) {
            return reject("assertion_malformed", e.getMessage(), Optional.empty());
        }
        Optional<AppId> claimed = appId(claims.subject());
        if (claims.issuer().isEmpty() || !claims.issuer().equals(claims.subject())) {
            return reject("iss_sub_mismatch", "the assertion's iss and sub must both be the client id", claimed);
        }
        if (clientIdField.isPresent() && !clientIdField.equals(claims.subject())) {
            return reject("client_id_mismatch", "client_id does not match the assertion's sub", claimed);
        }
        if (claims.audience().size() != 1 || !audiences.contains(claims.audience().get(0))) {
            return reject("aud_invalid", "aud must be exactly one of: " + String.join(", ", audiences.stream().sorted().toList()),
                    claimed);
        }
        Optional<Rejected> timing = checkTimes(claims, now, claimed);
        if (timing.isPresent()) {
            return timing.get();
        }
        if (!claims.jwtId().map(ClientAuthenticator::usableJti).orElse(false)) {
            return reject("jti_missing", "the assertion needs a jti (a unique id of at most " + MAX_JTI_LENGTH
                    + " characters, none of them control characters), so that it can be used only once", claimed);
        }
        Optional<App> app = claimed.flatMap(id -> apps.find(org.id(), id)).filter(App::isActive);
        Optional<AppKey> key = app.flatMap(found -> keys.credentialsOf(org.id(), found.id()).verificationKey(claims.kid()));
        if (key.isEmpty() || !reader.signatureVerifies(claims, key.get())) {
            return reject("client_not_authenticated", NOT_AUTHENTICATED, claimed);
        }
        return new Verified(app.get(), claims.jwtId().get(), claims.expiresAt().orElseThrow().plus(clockSkew));
    }

    /** A jti the replay store can keep: PostgreSQL's text holds no NUL, and no control character belongs in an id. */
    private static boolean usableJti(String jti) {
        return !jti.isEmpty() && jti.length() <= MAX_JTI_LENGTH && jti.codePoints().noneMatch(Character::isISOControl);
    }

    /** The refusal of an assertion whose {@code jti} was seen before. */
    static Rejected replayed(AppId client) {
        return reject("assertion_replayed", "this assertion was already used: make a new one, with a new jti,"
                + " for each request", Optional.of(client));
    }

    private Optional<Rejected> checkTimes(ClientAssertion claims, Instant now, Optional<AppId> claimed) {
        String clock = " (server time " + now + ", allowed clock skew " + clockSkew.toSeconds() + " s)";
        if (claims.expiresAt().isEmpty()) {
            return Optional.of(reject("exp_missing", "the assertion needs an exp", claimed));
        }
        Instant exp = claims.expiresAt().get();
        if (exp.isBefore(now.minus(clockSkew))) {
            return Optional.of(reject("assertion_expired", "the assertion expired at " + exp + clock, claimed));
        }
        Instant latest = now.plus(MAX_ASSERTION_LIFETIME).plus(clockSkew);
        if (exp.isAfter(latest)) {
            return Optional.of(reject("exp_too_far", "the assertion's exp " + exp + " is more than "
                    + MAX_ASSERTION_LIFETIME.toMinutes() + " minutes ahead" + clock, claimed));
        }
        Instant future = now.plus(clockSkew);
        if (claims.issuedAt().filter(iat -> iat.isAfter(future)).isPresent()) {
            return Optional.of(reject("iat_future", "the assertion's iat " + claims.issuedAt().get()
                    + " is in the future" + clock, claimed));
        }
        if (claims.notBefore().filter(nbf -> nbf.isAfter(future)).isPresent()) {
            return Optional.of(reject("nbf_future", "the assertion is not valid before " + claims.notBefore().get()
                    + clock, claimed));
        }
        return Optional.empty();
    }

    private static Optional<AppId> appId(Optional<String> subject) {
        try {
            return subject.map(AppId::new);
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }

    private static Rejected reject(String reason, String description, Optional<AppId> claimed) {
        return new Rejected(reason, description, claimed);
    }
}
