package io.flowgate.bootstrap.examples;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.UUID;

/**
 * Prints a client assertion (RFC 7523) for the token endpoint, signed with an app's private JWK.
 * Usage: java -cp nimbus-jose-jwt.jar SignAssertion.java PRIVATE_JWK_FILE CLIENT_ID AUDIENCE
 */
public final class SignAssertion {

    public static void main(String[] args) throws Exception {
        JWK key = JWK.parse(Files.readString(Path.of(args[0])));
        JWSAlgorithm alg = key.getAlgorithm() != null ? JWSAlgorithm.parse(key.getAlgorithm().getName())
                : key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
        JWSSigner signer = key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner(key.toRSAKey());
        Date now = new Date();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(args[1]).subject(args[1])  // iss = sub = the client id
                .audience(args[2])                 // the token endpoint URL (or the issuer)
                .issueTime(now)
                .expirationTime(new Date(now.getTime() + 5 * 60 * 1000))
                .jwtID(UUID.randomUUID().toString()) // used once: a replayed assertion is refused
                .build();
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims);
        assertion.sign(signer);
        System.out.println(assertion.serialize());
    }
}
