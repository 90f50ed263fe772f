package io.flowgate.application.port.out;

/** High-entropy bearer secrets (admin tokens, client tokens), shown to their owner once. */
public interface SecretGenerator {

    String newSecret();

    /** {@code bytes} random bytes as lowercase hex, e.g. a flow's random alias. */
    String newHex(int bytes);
}
