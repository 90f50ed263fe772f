package io.flowgate.adapter.out.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sha256SecretHasherTest {

    private final Sha256SecretHasher hasher = new Sha256SecretHasher();

    @Test
    void hash_isTheSha256OfTheSecret_neverTheSecretItself() {
        // SHA-256("abc") = ba7816bf..., the FIPS 180-2 test vector, base64url-encoded
        assertThat(hasher.hash("abc").value()).isEqualTo("sha256:ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
    }

    @Test
    void sameSecret_hashesTheSame_differentSecretsDiffer() {
        assertThat(hasher.hash("s3cret").matches(hasher.hash("s3cret"))).isTrue();
        assertThat(hasher.hash("s3cret").matches(hasher.hash("s3cret "))).isFalse();
    }
}
