package io.flowgate.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.LifecycleStatus;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AppKeyTest {

    private static final AppKeyId ID = new AppKeyId("key1");
    private static final OrgId ORG = new OrgId("org1");
    private static final AppId APP = new AppId("app1");
    private static final Kid KID = new Kid("kid-1");
    private static final String JWK = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"x\",\"y\":\"y\"}";
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void add_makesAnActiveKeyKeepingItsJwkAsGiven() {
        AppKey key = AppKey.add(ID, ORG, APP, KID, KeyType.EC, JwsAlgorithm.ES256, JWK, NOW);

        assertThat(key.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(key.isActive()).isTrue();
        assertThat(key.id()).isEqualTo(ID);
        assertThat(key.orgId()).isEqualTo(ORG);
        assertThat(key.appId()).isEqualTo(APP);
        assertThat(key.kid()).isEqualTo(KID);
        assertThat(key.keyType()).isEqualTo(KeyType.EC);
        assertThat(key.algorithm()).isEqualTo(JwsAlgorithm.ES256);
        assertThat(key.publicJwk()).isEqualTo(JWK);
        assertThat(key.created()).isEqualTo(NOW);
        assertThat(key.lastUpdated()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void algorithmOfTheKeysOwnType_isAccepted(JwsAlgorithm algorithm) {
        AppKey key = AppKey.add(ID, ORG, APP, KID, algorithm.keyType(), algorithm, JWK, NOW);

        assertThat(key.algorithm()).isEqualTo(algorithm);
    }

    @ParameterizedTest
    @CsvSource({"RSA, ES256", "RSA, EdDSA", "EC, RS256", "EC, PS256", "EC, EdDSA", "OKP, ES256", "OKP, RS256"})
    void algorithmThatDoesNotFitTheKeyType_isRefused(KeyType keyType, JwsAlgorithm algorithm) {
        assertThatThrownBy(() -> AppKey.add(ID, ORG, APP, KID, keyType, algorithm, JWK, NOW))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("alg"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void emptyJwk_isRefused(String jwk) {
        assertThatThrownBy(() -> AppKey.add(ID, ORG, APP, KID, KeyType.EC, JwsAlgorithm.ES256, jwk, NOW))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("jwk"));
    }

    @Test
    void missingKidOrAppOrAlgorithm_isRefused() {
        assertThatNullPointerException()
                .isThrownBy(() -> AppKey.add(ID, ORG, APP, null, KeyType.EC, JwsAlgorithm.ES256, JWK, NOW));
        assertThatNullPointerException()
                .isThrownBy(() -> AppKey.add(ID, ORG, null, KID, KeyType.EC, JwsAlgorithm.ES256, JWK, NOW));
        assertThatNullPointerException()
                .isThrownBy(() -> AppKey.add(ID, ORG, APP, KID, KeyType.EC, null, JWK, NOW));
    }

    @Test
    void restore_keepsTheStoredStatusAndTimes() {
        Instant later = NOW.plusSeconds(30);

        AppKey key = AppKey.restore(ID, ORG, APP, KID, KeyType.EC, JwsAlgorithm.ES256, JWK,
                LifecycleStatus.INACTIVE, NOW, later);

        assertThat(key.status()).isEqualTo(LifecycleStatus.INACTIVE);
        assertThat(key.isActive()).isFalse();
        assertThat(key.created()).isEqualTo(NOW);
        assertThat(key.lastUpdated()).isEqualTo(later);
    }
}
