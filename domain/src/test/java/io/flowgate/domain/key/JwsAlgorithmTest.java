package io.flowgate.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.InvalidValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JwsAlgorithmTest {

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void exactJoseName_parsesToThatAlgorithm(JwsAlgorithm algorithm) {
        assertThat(JwsAlgorithm.fromJoseName(algorithm.name())).isEqualTo(algorithm);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"none", "NONE", "HS256", "HS384", "HS512", "rs256", "es256", "eddsa", "EDDSA", "Ed25519",
            " RS256", "RS256 ", "RSA-OAEP"})
    void unsecuredSymmetricOrNotExactlySpelledName_isRefused(String name) {
        assertThatThrownBy(() -> JwsAlgorithm.fromJoseName(name))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("alg"));
    }

    @ParameterizedTest
    @CsvSource({
            "RS256, RSA", "RS384, RSA", "RS512, RSA",
            "PS256, RSA", "PS384, RSA", "PS512, RSA",
            "ES256, EC", "ES384, EC", "ES512, EC",
            "EdDSA, OKP"})
    void eachAlgorithm_isBoundToItsKeyType(JwsAlgorithm algorithm, KeyType keyType) {
        assertThat(algorithm.keyType()).isEqualTo(keyType);
    }
}
