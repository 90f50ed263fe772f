package io.flowgate.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class EndpointSettingsTest {

    @Test
    void defaultEndpoint_isOAuth2ForAnyAppAtAThousandPerSecond() {
        assertThat(EndpointSettings.DEFAULT.security()).isEqualTo(new EndpointSecurityPolicy.OAuth2AnyApp());
        assertThat(EndpointSettings.DEFAULT.rateLimit().perSecond()).isEqualTo(1000);
    }

    @Test
    void endpointWithoutPolicyOrRate_isRefused() {
        assertThatNullPointerException().isThrownBy(() -> new EndpointSettings(null, RateLimit.DEFAULT));
        assertThatNullPointerException()
                .isThrownBy(() -> new EndpointSettings(new EndpointSecurityPolicy.Public(), null));
    }
}
