package io.flowgate.adapter.out.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import io.flowgate.domain.key.JwsAlgorithm;
import org.junit.jupiter.api.Test;

/** The Ed25519 checks of the other tests are only as good as this helper, so it is held to RFC 8037's example. */
class TestJwsTest {

    static final OctetKeyPair RFC8037_KEY = new OctetKeyPair.Builder(
            Curve.Ed25519, new Base64URL("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"))
            .d(new Base64URL("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"))
            .build();
    /** RFC 8037 appendix A.4: the payload "Example of Ed25519 signing" signed with the key above. */
    private static final String RFC8037_JWS = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
            + "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    @Test
    void rfc8037PublishedSignature_verifiesWithItsPublicKey_butNotOnceAltered() throws Exception {
        String altered = RFC8037_JWS.replace("MuM0KAg", "MuM0KBg");

        assertThat(TestJws.verifies(RFC8037_JWS, RFC8037_KEY.toPublicJWK())).isTrue();
        assertThat(TestJws.verifies(altered, RFC8037_KEY.toPublicJWK())).isFalse();
    }

    @Test
    void rfc8037PrivateKey_signsWhatItsPublicKeyVerifies() throws Exception {
        String jwt = TestJws.sign(JwsAlgorithm.EdDSA, RFC8037_KEY);

        assertThat(TestJws.verifies(jwt, RFC8037_KEY.toPublicJWK())).isTrue();
    }
}
