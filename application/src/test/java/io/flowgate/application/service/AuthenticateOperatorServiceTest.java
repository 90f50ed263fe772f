package io.flowgate.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.application.fake.ReversingSecretHasher;
import org.junit.jupiter.api.Test;

class AuthenticateOperatorServiceTest {

    private final AuthenticateOperatorService service =
            new AuthenticateOperatorService(new ReversingSecretHasher(), "the-operator-token");

    @Test
    void theOperatorToken_isAccepted() {
        assertThat(service.isOperatorToken("the-operator-token")).isTrue();
    }

    @Test
    void anyOtherOrEmptyToken_isRefused() {
        assertThat(service.isOperatorToken("the-operator-token ")).isFalse();
        assertThat(service.isOperatorToken("THE-OPERATOR-TOKEN")).isFalse();
        assertThat(service.isOperatorToken("")).isFalse();
        assertThat(service.isOperatorToken(null)).isFalse();
    }
}
