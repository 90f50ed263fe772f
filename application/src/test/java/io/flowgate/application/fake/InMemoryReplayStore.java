package io.flowgate.application.fake;

import io.flowgate.application.port.out.ReplayStore;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.log.LogEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@code putIfAbsent} is the fake's one atomic step, as the primary key is the database's. */
public final class InMemoryReplayStore implements ReplayStore {

    private record Use(OrgId orgId, AppId clientId, String jti) {
    }

    private final ConcurrentHashMap<Use, Instant> expiryByUse = new ConcurrentHashMap<>();
    private final List<LogEvent> answers = new CopyOnWriteArrayList<>();

    @Override
    public boolean firstUse(OrgId orgId, AppId clientId, String jti, Instant expiresAt) {
        return expiryByUse.putIfAbsent(new Use(orgId, clientId, jti), expiresAt) == null;
    }

    @Override
    public CompletableFuture<Boolean> firstUse(OrgId orgId, AppId clientId, String jti, Instant expiresAt,
                                               LogEvent answered) {
        boolean first = firstUse(orgId, clientId, jti, expiresAt);
        if (first) {
            answers.add(answered);
        }
        return CompletableFuture.completedFuture(first);
    }

    /** The log events recorded with first uses. */
    public List<LogEvent> answers() {
        return List.copyOf(answers);
    }

    @Override
    public int purgeExpired(Instant now) {
        int purged = 0;
        for (Map.Entry<Use, Instant> entry : expiryByUse.entrySet()) {
            if (entry.getValue().isBefore(now) && expiryByUse.remove(entry.getKey(), entry.getValue())) {
                purged++;
            }
        }
        return purged;
    }
}
