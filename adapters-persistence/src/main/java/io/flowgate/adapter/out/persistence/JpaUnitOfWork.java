package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.StorageUnavailable;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.org.OrgId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One EntityManager and one transaction per use case, bound to the calling thread and opened only
 * when a repository first needs the database: a reading unit served from the {@link ReadCache}
 * never touches a connection. A nested call joins the outer unit.
 *
 * <p>Repositories report the orgs a writing unit changes; at commit every node is told (a
 * PostgreSQL notification, delivered only if the transaction commits) and this node's cache drops
 * those orgs before the unit returns.
 */
public final class JpaUnitOfWork implements UnitOfWork {

    private final Supplier<EntityManagerFactory> entityManagerFactory;
    private final ReadCache cache;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();
    private final Reachability reachability = new Reachability();

    private static final class Unit {
        final boolean reading;
        final Set<String> changed = new LinkedHashSet<>();
        /** Whether this unit went to the database, so that how it ended tells whether the database is reachable. */
        boolean askedDatabase;
        EntityManager entityManager;
        EntityTransaction transaction;

        Unit(boolean reading) {
            this.reading = reading;
        }
    }

    /** Without a cache: every read goes to the database. */
    public JpaUnitOfWork(EntityManagerFactory entityManagerFactory) {
        this(() -> entityManagerFactory, new ReadCache());
    }

    /**
     * @param entityManagerFactory asked for when a unit first needs the database, not before: a node
     *                             builds the factory while it sets up the rest of itself
     */
    public JpaUnitOfWork(Supplier<EntityManagerFactory> entityManagerFactory, ReadCache cache) {
        this.entityManagerFactory = entityManagerFactory;
        this.cache = cache;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Unit outer = current.get();
        if (outer != null && outer.reading) {
            throw new IllegalStateException("a reading unit of work cannot start a writing one");
        }
        return run(outer, false, work);
    }

    @Override
    public <T> T reading(Supplier<T> work) {
        return run(current.get(), true, work);
    }

    private <T> T run(Unit outer, boolean reading, Supplier<T> work) {
        if (outer != null) {
            return work.get();
        }
        Unit unit = new Unit(reading);
        current.set(unit);
        RuntimeException failure = null;
        try {
            T result = work.get();
            commit(unit);
            return result;
        } catch (StorageUnavailable e) {
            failure = e;
            throw e;
        } catch (RuntimeException e) {
            failure = e;
            if (ConnectionFailures.isConnectionFailure(e)) {
                throw new StorageUnavailable(e); // its transaction, if any, went with the connection
            }
            if (unit.transaction != null && unit.transaction.isActive()) {
                unit.transaction.rollback();
            }
            throw e;
        } finally {
            current.remove();
            if (unit.askedDatabase) {
                if (failure != null && ConnectionFailures.isConnectionFailure(failure)) {
                    reachability.failed(failure);
                } else {
                    reachability.reached();
                }
            }
            if (unit.entityManager != null) {
                unit.entityManager.close();
            }
        }
    }

    private void commit(Unit unit) {
        if (unit.transaction == null) {
            return;
        }
        for (String partition : unit.changed) {
            unit.entityManager.createNativeQuery("select pg_notify(:channel, :partition)")
                    .setParameter("channel", ChangeListener.CHANNEL)
                    .setParameter("partition", partition)
                    .getSingleResult();
        }
        unit.transaction.commit();
        unit.changed.forEach(cache::drop);
    }

    /** A PostgreSQL transaction-level advisory lock: shared by every node, released at commit or rollback. */
    @Override
    public void lock(String name) {
        entityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:name, 0))")
                .setParameter("name", name)
                .getSingleResult();
    }

    EntityManager entityManager() {
        Unit unit = current.get();
        if (unit == null) {
            throw new IllegalStateException("a repository was used outside a unit of work");
        }
        if (unit.entityManager == null) {
            if (!reachability.mayTry()) {
                throw new StorageUnavailable(reachability.lastFailure());
            }
            unit.askedDatabase = true;
            unit.entityManager = entityManagerFactory.get().createEntityManager();
            unit.transaction = unit.entityManager.getTransaction();
            unit.transaction.begin();
        }
        return unit.entityManager;
    }

    /**
     * A repository's read that a reading unit may take from the cache; {@code load} runs against
     * the database otherwise, and must not return null.
     */
    <T> T read(OrgId orgId, Object key, Supplier<T> load) {
        return read(orgId.value(), key, load);
    }

    <T> T read(String partition, Object key, Supplier<T> load) {
        Unit unit = current.get();
        return unit != null && unit.reading ? cache.get(partition, key, load) : load.get();
    }

    /** A repository changed something of this org; caches everywhere drop the org once the unit commits. */
    void changed(OrgId orgId) {
        changed(orgId.value());
    }

    void changed(String partition) {
        Unit unit = current.get();
        if (unit == null || unit.reading) {
            throw new IllegalStateException("a change outside a writing unit of work");
        }
        unit.changed.add(partition);
    }
}
