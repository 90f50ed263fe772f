package io.flowgate.application.service;

import io.flowgate.application.port.out.Clock;
import io.flowgate.application.port.out.ReplayStore;
import io.flowgate.application.port.out.RevokedTokenStore;
import io.flowgate.application.port.out.UnitOfWork;

/**
 * Forgets what can no longer matter: assertion ids past their expiry (plus skew, as recorded) and
 * revocations of tokens that have expired anyway. Run periodically in the background; each purge
 * is one short statement per table, so requests never wait for it.
 */
public final class ExpiredEntriesPurge implements Runnable {

    private static final System.Logger LOG = System.getLogger(ExpiredEntriesPurge.class.getName());

    private final UnitOfWork unitOfWork;
    private final ReplayStore replays;
    private final RevokedTokenStore revocations;
    private final Clock clock;

    public ExpiredEntriesPurge(UnitOfWork unitOfWork, ReplayStore replays, RevokedTokenStore revocations, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.replays = replays;
        this.revocations = revocations;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            int assertions = unitOfWork.inTransaction(() -> replays.purgeExpired(clock.now()));
            int revoked = unitOfWork.inTransaction(() -> revocations.purgeExpired(clock.now()));
            LOG.log(System.Logger.Level.DEBUG, "purged {0} expired assertion ids and {1} revocations", assertions,
                    revoked);
        } catch (RuntimeException e) {
            // A failed purge is retried at the next run; it must never stop the schedule.
            LOG.log(System.Logger.Level.WARNING, "purging expired replay and revocation entries failed", e);
        }
    }
}
