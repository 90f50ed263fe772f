package io.flowgate.application.fake;

import io.flowgate.application.port.out.SecretGenerator;
import java.util.concurrent.atomic.AtomicLong;

public final class SequentialSecretGenerator implements SecretGenerator {

    private final AtomicLong next = new AtomicLong(1);

    @Override
    public String newSecret() {
        return "secret-" + next.getAndIncrement();
    }

    @Override
    public String newHex(int bytes) {
        return String.format("%0" + (2 * bytes) + "x", next.getAndIncrement());
    }
}
