package io.flowgate.application.port.in;

public interface AuthenticateOperatorUseCase {

    /** Whether the presented secret is the operator token; compared in constant time. */
    boolean isOperatorToken(String presented);
}
