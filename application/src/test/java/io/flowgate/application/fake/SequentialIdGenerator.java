package io.flowgate.application.fake;

import io.flowgate.application.port.out.IdGenerator;
import java.util.concurrent.atomic.AtomicLong;

/** Ids that sort in creation order, like the real ones, and are predictable in a test. */
public final class SequentialIdGenerator implements IdGenerator {

    private final AtomicLong next = new AtomicLong(1);

    @Override
    public String newId() {
        return String.format("id%018d", next.getAndIncrement());
    }
}
