package io.flowgate.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.flowgate.domain.app.AppId;
import io.flowgate.domain.policy.AuthorizationDecision.DenialReason;
import io.flowgate.domain.policy.AuthorizationDecision.Deny;
import io.flowgate.domain.policy.AuthorizationDecision.Permit;
import io.flowgate.domain.policy.InvocationCredential.PresentedClientToken;
import io.flowgate.domain.policy.InvocationCredential.VerifiedBearer;
import io.flowgate.domain.scope.Scope;
import io.flowgate.domain.scope.ScopeName;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvocationCredentialTest {

    @Test
    void bearerScopes_areCopiedSoTheyCannotBeWidenedAfterVerification() {
        Set<ScopeName> given = new HashSet<>(Set.of(new ScopeName("api:read")));
        VerifiedBearer bearer = new VerifiedBearer(new AppId("app1"), given);

        given.add(Scope.INVOKE_FLOWS);

        assertThat(bearer.scopes()).containsExactly(new ScopeName("api:read"));
    }

    @Test
    void credentialWithoutItsSubject_isRefused() {
        assertThatNullPointerException().isThrownBy(() -> new VerifiedBearer(null, Set.of()));
        assertThatNullPointerException().isThrownBy(() -> new PresentedClientToken(null));
    }

    @Test
    void denialWithoutAReason_isRefused() {
        assertThatNullPointerException().isThrownBy(() -> new Deny(null));
    }

    @Test
    void onlyAPermit_isPermitted() {
        assertThat(new Permit().permitted()).isTrue();
        assertThat(new Deny(DenialReason.CREDENTIAL_MISSING).permitted()).isFalse();
    }
}
