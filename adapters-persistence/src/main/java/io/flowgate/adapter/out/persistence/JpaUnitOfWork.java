package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.UnitOfWork;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Supplier;

/**
 * One EntityManager and one transaction per use case, bound to the calling thread. Repositories
 * take the current EntityManager from here; a nested call joins the outer transaction.
 */
public final class JpaUnitOfWork implements UnitOfWork {

    private final EntityManagerFactory entityManagerFactory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    public JpaUnitOfWork(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        current.set(entityManager);
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            T result = work.get();
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            throw e;
        } finally {
            current.remove();
            entityManager.close();
        }
    }

    /** A PostgreSQL transaction-level advisory lock: shared by every node, released at commit or rollback. */
    @Override
    public void lock(String name) {
        entityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:name, 0))")
                .setParameter("name", name)
                .getSingleResult();
    }

    EntityManager entityManager() {
        EntityManager entityManager = current.get();
        if (entityManager == null) {
            throw new IllegalStateException("a repository was used outside a unit of work");
        }
        return entityManager;
    }
}
