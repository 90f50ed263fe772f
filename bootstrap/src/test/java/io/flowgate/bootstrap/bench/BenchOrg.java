package io.flowgate.bootstrap.bench;

import io.flowgate.adapter.out.oauth.AesGcmKeyEncryption;
import io.flowgate.adapter.out.oauth.CryptoProvider;
import io.flowgate.adapter.out.oauth.NimbusAccessTokenSigner;
import io.flowgate.adapter.out.oauth.NimbusKeyPairGenerator;
import io.flowgate.adapter.out.oauth.NimbusSigningKeyFactory;
import io.flowgate.application.port.in.OrgUrls;
import io.flowgate.application.port.out.AccessTokenSigner;
import io.flowgate.application.port.out.AccessTokenSigner.AccessTokenClaims;
import io.flowgate.application.port.out.SigningKeyFactory.NewSigningKey;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.SigningKey;
import io.flowgate.domain.key.SigningKeyId;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import io.flowgate.domain.scope.ScopeName;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The one org, app and signing key the hot-path benchmarks work with, made by the adapters the server wires. */
final class BenchOrg {

    static final OrgId ORG_ID = new OrgId("benchorg");
    static final AppId CLIENT_ID = new AppId("benchclient");
    static final OrgUrls URLS = new OrgUrls(URI.create("https://flowgate.example"));
    static final OrgSlug SLUG = new OrgSlug("bench");
    static final String ISSUER = URLS.issuer(SLUG);
    static final Duration TOKEN_TTL = Duration.ofHours(1);

    /** The provider the server picks (ACCP when it loads here), once per JVM as the server does. */
    static final CryptoProvider CRYPTO = CryptoProvider.select();

    private BenchOrg() {
    }

    /** An org signing key as the server creates one, and the server's signer holding its decryption key. */
    record OrgSigningKey(SigningKey key, AccessTokenSigner signer) {

        static OrgSigningKey create(JwsAlgorithm algorithm) {
            byte[] masterKey = new byte[32];
            new SecureRandom().nextBytes(masterKey);
            AesGcmKeyEncryption encryption = new AesGcmKeyEncryption(masterKey);
            NewSigningKey material = new NimbusSigningKeyFactory(new NimbusKeyPairGenerator(), encryption)
                    .create(algorithm);
            SigningKey key = SigningKey.create(new SigningKeyId("benchsigningkey"), ORG_ID, material.kid(), algorithm,
                    material.publicJwkJson(), material.encryptedPrivateKey(), Instant.now());
            return new OrgSigningKey(key, new NimbusAccessTokenSigner(encryption, BenchOrg.CRYPTO));
        }
    }

    /** The claims of an access token issued now for the invoke scope. */
    static AccessTokenClaims accessTokenClaims() {
        Instant now = Instant.now();
        return new AccessTokenClaims(UUID.randomUUID().toString().replace("-", ""), ISSUER, CLIENT_ID,
                List.of(new ScopeName("okta.workflows.invoke.manage")), now, now.plus(TOKEN_TTL));
    }
}
