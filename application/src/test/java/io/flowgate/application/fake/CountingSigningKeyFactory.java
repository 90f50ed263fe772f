package io.flowgate.application.fake;

import io.flowgate.application.port.out.SigningKeyFactory;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.Kid;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** Stands in for key generation and encryption: distinct, recognisable material per call. */
public final class CountingSigningKeyFactory implements SigningKeyFactory {

    private final AtomicInteger created = new AtomicInteger();

    @Override
    public NewSigningKey create(JwsAlgorithm algorithm) {
        int n = created.incrementAndGet();
        return new NewSigningKey(new Kid("signing-key-" + n), "{\"kid\":\"signing-key-" + n + "\"}",
                ("encrypted-" + n).getBytes(StandardCharsets.US_ASCII));
    }
}
