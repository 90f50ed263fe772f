package io.flowgate.domain.key;

import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.LifecycleStatus;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import java.util.Objects;

/**
 * A public key an app signs its client assertions with. The JWK is kept as given (public members
 * only; the adapter that parses it refuses private or symmetric material).
 */
public final class AppKey {

    private final AppKeyId id;
    private final OrgId orgId;
    private final AppId appId;
    private final Kid kid;
    private final KeyType keyType;
    private final JwsAlgorithm algorithm;
    private final String publicJwk;
    private LifecycleStatus status;
    private final Instant created;
    private Instant lastUpdated;

    private AppKey(AppKeyId id, OrgId orgId, AppId appId, Kid kid, KeyType keyType, JwsAlgorithm algorithm,
                   String publicJwk, LifecycleStatus status, Instant created, Instant lastUpdated) {
        this.id = Objects.requireNonNull(id);
        this.orgId = Objects.requireNonNull(orgId);
        this.appId = Objects.requireNonNull(appId);
        this.kid = Objects.requireNonNull(kid);
        this.keyType = Objects.requireNonNull(keyType);
        this.algorithm = Objects.requireNonNull(algorithm);
        if (algorithm.keyType() != keyType) {
            throw new InvalidValue("alg", "alg " + algorithm + " does not fit a " + keyType + " key");
        }
        if (publicJwk == null || publicJwk.isBlank()) {
            throw new InvalidValue("jwk", "the public JWK must not be empty");
        }
        this.publicJwk = publicJwk;
        this.status = Objects.requireNonNull(status);
        this.created = Objects.requireNonNull(created);
        this.lastUpdated = Objects.requireNonNull(lastUpdated);
    }

    public static AppKey add(AppKeyId id, OrgId orgId, AppId appId, Kid kid, KeyType keyType,
                             JwsAlgorithm algorithm, String publicJwk, Instant now) {
        return new AppKey(id, orgId, appId, kid, keyType, algorithm, publicJwk, LifecycleStatus.ACTIVE, now, now);
    }

    public static AppKey restore(AppKeyId id, OrgId orgId, AppId appId, Kid kid, KeyType keyType,
                                 JwsAlgorithm algorithm, String publicJwk, LifecycleStatus status,
                                 Instant created, Instant lastUpdated) {
        return new AppKey(id, orgId, appId, kid, keyType, algorithm, publicJwk, status, created, lastUpdated);
    }

    /** Package-private: the last-active-key rule lives in {@link AppCredentials}. */
    void changeStatus(LifecycleStatus newStatus, Instant now) {
        if (status != newStatus) {
            status = newStatus;
            lastUpdated = now;
        }
    }

    public boolean isActive() {
        return status == LifecycleStatus.ACTIVE;
    }

    public AppKeyId id() {
        return id;
    }

    public OrgId orgId() {
        return orgId;
    }

    public AppId appId() {
        return appId;
    }

    public Kid kid() {
        return kid;
    }

    public KeyType keyType() {
        return keyType;
    }

    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    public String publicJwk() {
        return publicJwk;
    }

    public LifecycleStatus status() {
        return status;
    }

    public Instant created() {
        return created;
    }

    public Instant lastUpdated() {
        return lastUpdated;
    }
}
