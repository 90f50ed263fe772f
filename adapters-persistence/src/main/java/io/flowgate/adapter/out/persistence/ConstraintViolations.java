package io.flowgate.adapter.out.persistence;

import io.flowgate.domain.Conflict;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Turns the database's own enforcement of cross-node invariants (unique keys) into the domain's
 * {@link Conflict}, so no persistence exception leaks through a port.
 */
final class ConstraintViolations {

    private ConstraintViolations() {
    }

    /**
     * Persists and flushes at once, so a violated constraint surfaces here and not at commit.
     *
     * @param conflicts constraint name to the message the caller should see
     */
    static void persist(EntityManager entityManager, Object entity, Map<String, String> conflicts) {
        entityManager.persist(entity);
        flush(entityManager, conflicts);
    }

    /** Writes pending changes now, so a violated constraint surfaces here as a {@link Conflict}. */
    static void flush(EntityManager entityManager, Map<String, String> conflicts) {
        try {
            entityManager.flush();
        } catch (ConstraintViolationException e) {
            String message = e.getConstraintName() == null ? null : conflicts.get(e.getConstraintName());
            if (message == null) {
                throw e;
            }
            throw new Conflict(message);
        }
    }
}
