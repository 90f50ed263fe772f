package io.flowgate.application.service;

import io.flowgate.application.port.in.AuthenticateOperatorUseCase;
import io.flowgate.application.port.out.SecretHasher;
import io.flowgate.domain.SecretHash;

/** Holds only the hash of the operator token and compares hashes, in constant time. */
public final class AuthenticateOperatorService implements AuthenticateOperatorUseCase {

    private final SecretHasher hasher;
    private final SecretHash operatorTokenHash;

    public AuthenticateOperatorService(SecretHasher hasher, String operatorToken) {
        this.hasher = hasher;
        this.operatorTokenHash = hasher.hash(operatorToken);
    }

    @Override
    public boolean isOperatorToken(String presented) {
        return presented != null && !presented.isEmpty() && operatorTokenHash.matches(hasher.hash(presented));
    }
}
