package io.flowgate.application.port.out;

/** High-entropy bearer secrets (admin tokens, client tokens), shown to their owner once. */
public interface SecretGenerator {

    String newSecret();
}
