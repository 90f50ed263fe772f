package io.flowgate.adapter.out.persistence;

import io.flowgate.domain.Conflict;
import io.flowgate.domain.NotFound;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Turns the database's own enforcement of cross-node invariants (unique and foreign keys) into the
 * domain's {@link Conflict} or {@link NotFound}, so no persistence exception leaks through a port.
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
        persist(entityManager, entity, conflicts, Map.of());
    }

    /**
     * As {@link #persist(EntityManager, Object, Map)}, and a violated constraint named in
     * {@code missing} (a foreign key to a row that is gone, or never was) is a {@link NotFound}.
     */
    static void persist(EntityManager entityManager, Object entity, Map<String, String> conflicts,
                        Map<String, String> missing) {
        entityManager.persist(entity);
        flush(entityManager, conflicts, missing);
    }

    /** Writes pending changes now, so a violated constraint surfaces here as a {@link Conflict}. */
    static void flush(EntityManager entityManager, Map<String, String> conflicts) {
        flush(entityManager, conflicts, Map.of());
    }

    private static void flush(EntityManager entityManager, Map<String, String> conflicts, Map<String, String> missing) {
        try {
            entityManager.flush();
        } catch (ConstraintViolationException e) {
            String name = e.getConstraintName();
            if (name != null && conflicts.containsKey(name)) {
                throw new Conflict(conflicts.get(name));
            }
            if (name != null && missing.containsKey(name)) {
                throw new NotFound(missing.get(name));
            }
            throw e;
        }
    }
}
