package io.flowgate.adapter.out.oauth;

import io.flowgate.application.port.out.Clock;
import io.flowgate.application.port.out.IdGenerator;
import io.flowgate.application.port.out.SecretGenerator;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Ids and secrets from one cryptographically strong source, in the base62 alphabet (0-9, A-Z, a-z,
 * in ASCII order so ids compare byte-wise).
 */
public final class SecureRandomGenerator implements IdGenerator, SecretGenerator {

    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int TIME_CHARS = 8;
    private static final int ID_RANDOM_CHARS = 12;
    /** 40 base62 characters: 238 bits, beyond any guessing. */
    private static final int SECRET_CHARS = 40;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public SecureRandomGenerator(Clock clock) {
        this.clock = clock;
    }

    /**
     * 8 characters of milliseconds since the epoch (good until the year 8888), then 12 random ones
     * (71 bits): ids made later sort after earlier ones, and never collide in practice.
     */
    @Override
    public String newId() {
        char[] id = new char[TIME_CHARS + ID_RANDOM_CHARS];
        long millis = clock.now().toEpochMilli();
        for (int i = TIME_CHARS - 1; i >= 0; i--) {
            id[i] = BASE62[(int) (millis % BASE62.length)];
            millis /= BASE62.length;
        }
        fillRandom(id, TIME_CHARS);
        return new String(id);
    }

    @Override
    public String newSecret() {
        char[] secret = new char[SECRET_CHARS];
        fillRandom(secret, 0);
        return new String(secret);
    }

    @Override
    public String newHex(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    /**
     * One draw of random bytes for the whole id or secret: a draw per character took the source's lock
     * and read from the kernel twelve times per id, 2 % of an invocation's server CPU. A byte from 248
     * up is skipped, so that each of the 62 characters stays equally likely (248 = 4 × 62).
     */
    private void fillRandom(char[] target, int from) {
        byte[] bytes = new byte[target.length - from + 4];
        int next = bytes.length;
        for (int i = from; i < target.length; ) {
            if (next == bytes.length) {
                random.nextBytes(bytes);
                next = 0;
            }
            int value = bytes[next++] & 0xFF;
            if (value < 4 * BASE62.length) {
                target[i++] = BASE62[value % BASE62.length];
            }
        }
    }
}
