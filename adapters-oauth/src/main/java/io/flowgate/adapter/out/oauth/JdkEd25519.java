package io.flowgate.adapter.out.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Set;

/**
 * EdDSA (Ed25519) signing and verification through the JCA. nimbus's Ed25519 classes need Google
 * Tink; Java 17 has Ed25519 built in, so no further library is needed. The chosen
 * {@link CryptoProvider} signs when it offers Ed25519; the keys are decoded by the JDK either way.
 */
final class JdkEd25519 {

    private static final String ED25519 = "Ed25519";
    /** DER prefixes that wrap a raw 32-byte Ed25519 key (RFC 8410) into the JDK's encodings. */
    private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");

    private JdkEd25519() {
    }

    static JWSSigner signer(OctetKeyPair jwk, CryptoProvider crypto) throws GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance(ED25519)
                .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, jwk.getDecodedD())));
        return new Signer(key, crypto);
    }

    static JWSVerifier verifier(OctetKeyPair jwk, CryptoProvider crypto) throws GeneralSecurityException {
        PublicKey key = KeyFactory.getInstance(ED25519)
                .generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, jwk.getDecodedX())));
        return new Verifier(key, crypto);
    }

    private record Signer(PrivateKey key, CryptoProvider crypto) implements JWSSigner {
        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            try {
                Signature signature = crypto.signature(ED25519);
                signature.initSign(key);
                signature.update(signingInput);
                return Base64URL.encode(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new JOSEException("Ed25519 signing failed", e);
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
        }

        @Override
        public JCAContext getJCAContext() {
            return new JCAContext();
        }
    }

    private record Verifier(PublicKey key, CryptoProvider crypto) implements JWSVerifier {
        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            try {
                Signature verifier = crypto.signature(ED25519);
                verifier.initVerify(key);
                verifier.update(signingInput);
                return verifier.verify(signature.decode());
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
        }

        @Override
        public JCAContext getJCAContext() {
            return new JCAContext();
        }
    }

    private static byte[] concat(byte[] prefix, byte[] raw) {
        byte[] out = new byte[prefix.length + raw.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(raw, 0, out, prefix.length, raw.length);
        return out;
    }

    private static byte[] hex(String text) {
        return java.util.HexFormat.of().parseHex(text);
    }
}
