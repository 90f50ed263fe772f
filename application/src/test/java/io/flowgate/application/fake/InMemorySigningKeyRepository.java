package io.flowgate.application.fake;

import io.flowgate.application.port.out.SigningKeyRepository;
import io.flowgate.domain.Conflict;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.key.SigningKey;
import io.flowgate.domain.org.OrgId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps copies, not the caller's objects: a key changed in memory but never passed to
 * {@link #update} must not look stored, as with the real database.
 */
public final class InMemorySigningKeyRepository implements SigningKeyRepository {

    private final Map<String, SigningKey> byId = new HashMap<>();

    @Override
    public synchronized void add(SigningKey key) {
        boolean kidTaken = byId.values().stream()
                .anyMatch(stored -> stored.orgId().equals(key.orgId()) && stored.kid().equals(key.kid()));
        if (kidTaken) {
            throw new Conflict("org " + key.orgId() + " already has a signing key with kid " + key.kid());
        }
        if (key.signs() && findActive(key.orgId()).isPresent()) {
            throw new Conflict("org " + key.orgId() + " already has an ACTIVE signing key");
        }
        byId.put(key.id().value(), copyOf(key));
    }

    @Override
    public synchronized void update(SigningKey key) {
        SigningKey stored = byId.get(key.id().value());
        if (stored == null || !stored.orgId().equals(key.orgId())) {
            throw new NotFound("no signing key " + key.id() + " in org " + key.orgId());
        }
        byId.put(key.id().value(), copyOf(key));
    }

    @Override
    public synchronized Optional<SigningKey> findActive(OrgId orgId) {
        return byId.values().stream()
                .filter(key -> key.orgId().equals(orgId) && key.signs())
                .findFirst()
                .map(InMemorySigningKeyRepository::copyOf);
    }

    @Override
    public synchronized List<SigningKey> listVerifying(OrgId orgId) {
        return byId.values().stream()
                .filter(key -> key.orgId().equals(orgId) && key.status() != SigningKey.Status.RETIRED)
                .sorted(Comparator.comparing(SigningKey::created)
                        .thenComparing(key -> key.id().value())
                        .reversed())
                .map(InMemorySigningKeyRepository::copyOf)
                .toList();
    }

    private static SigningKey copyOf(SigningKey key) {
        return SigningKey.restore(key.id(), key.orgId(), key.kid(), key.algorithm(), key.publicJwk(),
                key.encryptedPrivateKey(), key.status(), key.created(), key.statusChanged());
    }
}
