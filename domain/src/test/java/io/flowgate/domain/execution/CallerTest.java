package io.flowgate.domain.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.flowgate.domain.app.AppId;
import io.flowgate.domain.policy.SecurityLevel;
import io.flowgate.domain.scope.Scope;
import io.flowgate.domain.scope.ScopeName;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void anonymousCaller_hasNoClientAndNoScopes() {
        Caller caller = Caller.anonymous(SecurityLevel.PUBLIC);

        assertThat(caller.clientId()).isEmpty();
        assertThat(caller.scopes()).isEmpty();
        assertThat(caller.security()).isEqualTo(SecurityLevel.PUBLIC);
    }

    @Test
    void scopes_areCopiedFromTheGivenSet() {
        Set<ScopeName> given = new HashSet<>(Set.of(Scope.INVOKE_FLOWS));
        Caller caller = new Caller(Optional.of(new AppId("app1")), given, SecurityLevel.OAUTH2);

        given.clear();

        assertThat(caller.scopes()).containsExactly(Scope.INVOKE_FLOWS);
    }

    @Test
    void callerWithoutClientOptionalOrSecurityLevel_isRefused() {
        assertThatNullPointerException().isThrownBy(() -> new Caller(null, Set.of(), SecurityLevel.PUBLIC));
        assertThatNullPointerException().isThrownBy(() -> new Caller(Optional.empty(), Set.of(), null));
    }
}
