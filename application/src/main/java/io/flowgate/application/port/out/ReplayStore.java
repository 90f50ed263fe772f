package io.flowgate.application.port.out;

import io.flowgate.domain.app.AppId;
import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Remembers the {@code jti} of every accepted client assertion until it expires, so an assertion
 * works once. The check and the record are one atomic step shared by every node.
 */
public interface ReplayStore {

    /** @return true the first time (org, client, jti) is seen; false on every later attempt */
    boolean firstUse(OrgId orgId, AppId clientId, String jti, Instant expiresAt);

    /**
     * {@link #firstUse}, and on the first use only, {@code answered} becomes durable in the same
     * commit: the system-log entry saying how the request this assertion authenticated was answered.
     * It returns at once: the future completes once the commit is made (true on the first use), or fails
     * when it could not be ({@link StorageUnavailable} when the database could not be reached, else
     * {@link IllegalStateException}), so the caller's thread need not wait for it.
     */
    CompletableFuture<Boolean> firstUse(OrgId orgId, AppId clientId, String jti, Instant expiresAt,
                                        LogEvent answered);

    /** Forgets entries whose expiry is before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
