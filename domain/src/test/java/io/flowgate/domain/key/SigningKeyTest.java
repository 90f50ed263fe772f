package io.flowgate.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.Conflict;
import io.flowgate.domain.key.SigningKey.Status;
import io.flowgate.domain.org.OrgId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    private static final SigningKeyId ID = new SigningKeyId("sk1");
    private static final OrgId ORG = new OrgId("org1");
    private static final Kid KID = new Kid("sig-1");
    private static final String JWK = "{\"kty\":\"RSA\",\"n\":\"n\",\"e\":\"AQAB\"}";
    private static final Instant CREATED = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant LATER = CREATED.plusSeconds(3600);
    private static final Instant MUCH_LATER = LATER.plusSeconds(3600);
    private static final Duration OVERLAP = Duration.ofMinutes(61);

    private static SigningKey created() {
        return SigningKey.create(ID, ORG, KID, JwsAlgorithm.RS256, JWK, new byte[] {1, 2, 3}, CREATED);
    }

    private static SigningKey restored(Status status) {
        return SigningKey.restore(ID, ORG, KID, JwsAlgorithm.RS256, JWK, new byte[] {1, 2, 3}, status, CREATED, CREATED);
    }

    @Test
    void newKey_isActiveAndBothSignsAndVerifies() {
        SigningKey key = created();

        assertThat(key.status()).isEqualTo(Status.ACTIVE);
        assertThat(key.signs()).isTrue();
        assertThat(key.verifiesAt(CREATED.plusSeconds(365L * 86_400), OVERLAP)).isTrue();
        assertThat(key.created()).isEqualTo(CREATED);
        assertThat(key.statusChanged()).isEqualTo(CREATED);
        assertThat(key.kid()).isEqualTo(KID);
        assertThat(key.algorithm()).isEqualTo(JwsAlgorithm.RS256);
        assertThat(key.publicJwk()).isEqualTo(JWK);
    }

    @Test
    void supersedingTheActiveKey_makesItPreviousWhichVerifiesButNoLongerSigns() {
        SigningKey key = created();

        key.supersede(LATER);

        assertThat(key.status()).isEqualTo(Status.PREVIOUS);
        assertThat(key.signs()).isFalse();
        assertThat(key.verifiesAt(LATER, OVERLAP)).isTrue();
        assertThat(key.statusChanged()).isEqualTo(LATER);
    }

    @Test
    void previousKey_verifiesForTheOverlapAfterItWasSuperseded_andNotAfter() {
        SigningKey key = created();

        key.supersede(LATER);

        assertThat(key.verifiesAt(LATER.plus(OVERLAP).minusMillis(1), OVERLAP)).isTrue();
        assertThat(key.verifiesAt(LATER.plus(OVERLAP), OVERLAP)).isFalse();
        assertThat(key.status()).as("unchanged until a rotation retires it").isEqualTo(Status.PREVIOUS);
    }

    @Test
    void supersedingAPreviousKey_isAConflict() {
        SigningKey key = restored(Status.PREVIOUS);

        assertThatThrownBy(() -> key.supersede(LATER)).isInstanceOf(Conflict.class);
        assertThat(key.status()).isEqualTo(Status.PREVIOUS);
        assertThat(key.statusChanged()).isEqualTo(CREATED);
    }

    @Test
    void supersedingARetiredKey_isAConflict() {
        SigningKey key = restored(Status.RETIRED);

        assertThatThrownBy(() -> key.supersede(LATER)).isInstanceOf(Conflict.class);
        assertThat(key.status()).isEqualTo(Status.RETIRED);
    }

    @Test
    void retiringAPreviousKey_makesItNeitherSignNorVerify() {
        SigningKey key = created();
        key.supersede(LATER);

        key.retire(MUCH_LATER);

        assertThat(key.status()).isEqualTo(Status.RETIRED);
        assertThat(key.signs()).isFalse();
        assertThat(key.verifiesAt(MUCH_LATER, OVERLAP)).isFalse();
        assertThat(key.statusChanged()).isEqualTo(MUCH_LATER);
    }

    @Test
    void retiringTheActiveKey_isAConflictAndItKeepsSigning() {
        SigningKey key = created();

        assertThatThrownBy(() -> key.retire(LATER)).isInstanceOf(Conflict.class);

        assertThat(key.status()).isEqualTo(Status.ACTIVE);
        assertThat(key.signs()).isTrue();
        assertThat(key.statusChanged()).isEqualTo(CREATED);
    }

    @Test
    void retiringARetiredKeyAgain_keepsTheTimeItWasRetired() {
        SigningKey key = restored(Status.RETIRED);

        key.retire(LATER);

        assertThat(key.status()).isEqualTo(Status.RETIRED);
        assertThat(key.statusChanged()).isEqualTo(CREATED);
    }

    @Test
    void keyWithoutEncryptedPrivateKey_isRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SigningKey.create(ID, ORG, KID, JwsAlgorithm.RS256, JWK, new byte[0], CREATED));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SigningKey.create(ID, ORG, KID, JwsAlgorithm.RS256, JWK, null, CREATED));
    }

    @Test
    void encryptedPrivateKey_isCopiedOnTheWayIn() {
        byte[] given = {1, 2, 3};
        SigningKey key = SigningKey.create(ID, ORG, KID, JwsAlgorithm.RS256, JWK, given, CREATED);

        given[0] = 9;

        assertThat(key.encryptedPrivateKey()).containsExactly(1, 2, 3);
    }

    @Test
    void encryptedPrivateKey_isCopiedOnTheWayOut() {
        SigningKey key = created();

        key.encryptedPrivateKey()[0] = 9;

        assertThat(key.encryptedPrivateKey()).containsExactly(1, 2, 3);
    }
}
