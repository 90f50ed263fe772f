package io.flowgate.domain.policy;

import static io.flowgate.domain.policy.AuthorizationDecision.DenialReason.APP_NOT_ALLOWED;
import static io.flowgate.domain.policy.AuthorizationDecision.DenialReason.CLIENT_TOKEN_MISMATCH;
import static io.flowgate.domain.policy.AuthorizationDecision.DenialReason.CREDENTIAL_MISSING;
import static io.flowgate.domain.policy.AuthorizationDecision.DenialReason.INSUFFICIENT_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.SecretHash;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.policy.AuthorizationDecision.DenialReason;
import io.flowgate.domain.policy.AuthorizationDecision.Deny;
import io.flowgate.domain.policy.AuthorizationDecision.Permit;
import io.flowgate.domain.policy.EndpointSecurityPolicy.ClientToken;
import io.flowgate.domain.policy.EndpointSecurityPolicy.OAuth2AnyApp;
import io.flowgate.domain.policy.EndpointSecurityPolicy.OAuth2SelectedApps;
import io.flowgate.domain.policy.EndpointSecurityPolicy.Public;
import io.flowgate.domain.policy.InvocationCredential.None;
import io.flowgate.domain.policy.InvocationCredential.PresentedClientToken;
import io.flowgate.domain.policy.InvocationCredential.VerifiedBearer;
import io.flowgate.domain.scope.Scope;
import io.flowgate.domain.scope.ScopeName;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EndpointSecurityPolicyTest {

    private static final AppId LISTED = new AppId("listed");
    private static final AppId UNLISTED = new AppId("unlisted");
    private static final ScopeName OTHER_SCOPE = new ScopeName("api:read");
    private static final SecretHash FLOW_TOKEN = new SecretHash("hash-of-the-flow-token");

    private static final Named<EndpointSecurityPolicy> ANY = Named.of("OAUTH2 ANY", new OAuth2AnyApp());
    private static final Named<EndpointSecurityPolicy> SELECTED =
            Named.of("OAUTH2 [listed]", new OAuth2SelectedApps(Set.of(LISTED)));
    private static final Named<EndpointSecurityPolicy> CLIENT_TOKEN =
            Named.of("CLIENT_TOKEN", new ClientToken(FLOW_TOKEN));
    private static final Named<EndpointSecurityPolicy> PUBLIC = Named.of("PUBLIC", new Public());

    private static final Named<InvocationCredential> NOTHING = Named.of("nothing", new None());
    private static final Named<InvocationCredential> LISTED_WITH_SCOPE = Named.of("listed app with invoke scope",
            new VerifiedBearer(LISTED, Set.of(Scope.INVOKE_FLOWS, OTHER_SCOPE)));
    private static final Named<InvocationCredential> UNLISTED_WITH_SCOPE = Named.of("unlisted app with invoke scope",
            new VerifiedBearer(UNLISTED, Set.of(Scope.INVOKE_FLOWS)));
    private static final Named<InvocationCredential> LISTED_WITHOUT_SCOPE = Named.of(
            "listed app with another scope only", new VerifiedBearer(LISTED, Set.of(OTHER_SCOPE)));
    private static final Named<InvocationCredential> UNLISTED_WITHOUT_SCOPE = Named.of(
            "unlisted app with no scope", new VerifiedBearer(UNLISTED, Set.of()));
    private static final Named<InvocationCredential> RIGHT_CLIENT_TOKEN = Named.of("the flow's client token",
            new PresentedClientToken(new SecretHash("hash-of-the-flow-token")));
    private static final Named<InvocationCredential> WRONG_CLIENT_TOKEN = Named.of("another client token",
            new PresentedClientToken(new SecretHash("hash-of-another-token")));

    private static final AuthorizationDecision PERMIT = new Permit();

    private static Deny deny(DenialReason reason) {
        return new Deny(reason);
    }

    /** Every policy variant against every kind of credential. */
    static Stream<Arguments> decisions() {
        return Stream.of(
                arguments(ANY, NOTHING, deny(CREDENTIAL_MISSING)),
                arguments(ANY, LISTED_WITH_SCOPE, PERMIT),
                arguments(ANY, UNLISTED_WITH_SCOPE, PERMIT),
                arguments(ANY, LISTED_WITHOUT_SCOPE, deny(INSUFFICIENT_SCOPE)),
                arguments(ANY, UNLISTED_WITHOUT_SCOPE, deny(INSUFFICIENT_SCOPE)),
                arguments(ANY, RIGHT_CLIENT_TOKEN, deny(CREDENTIAL_MISSING)),
                arguments(ANY, WRONG_CLIENT_TOKEN, deny(CREDENTIAL_MISSING)),

                arguments(SELECTED, NOTHING, deny(CREDENTIAL_MISSING)),
                arguments(SELECTED, LISTED_WITH_SCOPE, PERMIT),
                arguments(SELECTED, UNLISTED_WITH_SCOPE, deny(APP_NOT_ALLOWED)),
                arguments(SELECTED, LISTED_WITHOUT_SCOPE, deny(INSUFFICIENT_SCOPE)),
                arguments(SELECTED, UNLISTED_WITHOUT_SCOPE, deny(INSUFFICIENT_SCOPE)),
                arguments(SELECTED, RIGHT_CLIENT_TOKEN, deny(CREDENTIAL_MISSING)),
                arguments(SELECTED, WRONG_CLIENT_TOKEN, deny(CREDENTIAL_MISSING)),

                arguments(CLIENT_TOKEN, NOTHING, deny(CREDENTIAL_MISSING)),
                arguments(CLIENT_TOKEN, LISTED_WITH_SCOPE, deny(CREDENTIAL_MISSING)),
                arguments(CLIENT_TOKEN, UNLISTED_WITH_SCOPE, deny(CREDENTIAL_MISSING)),
                arguments(CLIENT_TOKEN, LISTED_WITHOUT_SCOPE, deny(CREDENTIAL_MISSING)),
                arguments(CLIENT_TOKEN, UNLISTED_WITHOUT_SCOPE, deny(CREDENTIAL_MISSING)),
                arguments(CLIENT_TOKEN, RIGHT_CLIENT_TOKEN, PERMIT),
                arguments(CLIENT_TOKEN, WRONG_CLIENT_TOKEN, deny(CLIENT_TOKEN_MISMATCH)),

                arguments(PUBLIC, NOTHING, PERMIT),
                arguments(PUBLIC, LISTED_WITH_SCOPE, PERMIT),
                arguments(PUBLIC, UNLISTED_WITH_SCOPE, PERMIT),
                arguments(PUBLIC, LISTED_WITHOUT_SCOPE, PERMIT),
                arguments(PUBLIC, UNLISTED_WITHOUT_SCOPE, PERMIT),
                arguments(PUBLIC, RIGHT_CLIENT_TOKEN, PERMIT),
                arguments(PUBLIC, WRONG_CLIENT_TOKEN, PERMIT));
    }

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @MethodSource("decisions")
    void policy_decidesByTheCredentialPresented(EndpointSecurityPolicy policy, InvocationCredential credential,
                                                AuthorizationDecision expected) {
        AuthorizationDecision decision = policy.authorize(credential);

        assertThat(decision).isEqualTo(expected);
        assertThat(decision.permitted()).isEqualTo(expected instanceof Permit);
    }

    @Test
    void decisionTable_coversEveryPolicyVariantAndEveryCredentialKind() {
        Set<Class<?>> policies = decisions().map(row -> row.get()[0]).map(named -> payload(named).getClass())
                .collect(Collectors.toSet());
        Set<Class<?>> credentials = decisions().map(row -> row.get()[1]).map(named -> payload(named).getClass())
                .collect(Collectors.toSet());

        assertThat(policies).containsExactlyInAnyOrder(EndpointSecurityPolicy.class.getPermittedSubclasses());
        assertThat(credentials).containsExactlyInAnyOrder(InvocationCredential.class.getPermittedSubclasses());
    }

    private static Object payload(Object named) {
        return ((Named<?>) named).getPayload();
    }

    @Test
    void eachVariant_reportsItsSecurityLevel() {
        assertThat(new OAuth2AnyApp().level()).isEqualTo(SecurityLevel.OAUTH2);
        assertThat(new OAuth2SelectedApps(Set.of(LISTED)).level()).isEqualTo(SecurityLevel.OAUTH2);
        assertThat(new ClientToken(FLOW_TOKEN).level()).isEqualTo(SecurityLevel.CLIENT_TOKEN);
        assertThat(new Public().level()).isEqualTo(SecurityLevel.PUBLIC);
    }

    @Test
    void emptyAllowedApps_isRefused() {
        assertThatThrownBy(() -> new OAuth2SelectedApps(Set.of()))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("allowedApps"));
    }

    @Test
    void hundredAllowedApps_isTheLongestList() {
        assertThat(new OAuth2SelectedApps(apps(100)).allowedApps()).hasSize(100);
    }

    @Test
    void moreThanHundredAllowedApps_isRefused() {
        assertThatThrownBy(() -> new OAuth2SelectedApps(apps(101)))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("allowedApps"));
    }

    @Test
    void allowedApps_areCopiedSoLaterChangesToTheGivenSetDoNotWidenThePolicy() {
        Set<AppId> given = new HashSet<>(Set.of(LISTED));
        OAuth2SelectedApps policy = new OAuth2SelectedApps(given);

        given.add(UNLISTED);

        assertThat(policy.authorize(new VerifiedBearer(UNLISTED, Set.of(Scope.INVOKE_FLOWS))))
                .isEqualTo(deny(APP_NOT_ALLOWED));
    }

    @Test
    void clientTokenPolicyWithoutAHash_isRefused() {
        assertThatNullPointerException().isThrownBy(() -> new ClientToken(null));
    }

    private static Set<AppId> apps(int count) {
        return IntStream.range(0, count).mapToObj(i -> new AppId("app" + i)).collect(Collectors.toSet());
    }
}
