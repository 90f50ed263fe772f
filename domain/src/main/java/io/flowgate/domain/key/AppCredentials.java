package io.flowgate.domain.key;

import io.flowgate.domain.Conflict;
import io.flowgate.domain.LifecycleStatus;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.app.AppId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * All keys of one app, and the rules that span them: a kid is unique within the app, the last
 * active key cannot be deactivated, only inactive keys can be deleted, and which key verifies an
 * assertion.
 */
public final class AppCredentials {

    private final AppId appId;
    private final List<AppKey> keys;

    public AppCredentials(AppId appId, List<AppKey> keys) {
        this.appId = Objects.requireNonNull(appId);
        this.keys = new ArrayList<>(keys);
        if (this.keys.stream().anyMatch(key -> !key.appId().equals(appId))) {
            throw new IllegalArgumentException("every key must belong to app " + appId);
        }
    }

    public void add(AppKey key) {
        if (!key.appId().equals(appId)) {
            throw new IllegalArgumentException("key belongs to app " + key.appId() + ", not " + appId);
        }
        if (keys.stream().anyMatch(existing -> existing.kid().equals(key.kid()))) {
            throw new Conflict("app " + appId + " already has a key with kid " + key.kid());
        }
        keys.add(key);
    }

    public AppKey activate(AppKeyId keyId, Instant now) {
        AppKey key = require(keyId);
        key.changeStatus(LifecycleStatus.ACTIVE, now);
        return key;
    }

    /** An app always keeps one active key, so it can never lock itself out by accident. */
    public AppKey deactivate(AppKeyId keyId, Instant now) {
        AppKey key = require(keyId);
        if (key.isActive() && activeKeyCount() == 1) {
            throw new Conflict("key " + keyId + " is the app's last active key; add or activate another first");
        }
        key.changeStatus(LifecycleStatus.INACTIVE, now);
        return key;
    }

    public AppKey remove(AppKeyId keyId) {
        AppKey key = require(keyId);
        if (key.isActive()) {
            throw new Conflict("key " + keyId + " is ACTIVE; deactivate it before deleting it");
        }
        keys.remove(key);
        return key;
    }

    /**
     * The key that verifies a client assertion: the active key with the header's kid, or, without
     * a kid, the app's only active key. Inactive keys never verify.
     */
    public Optional<AppKey> verificationKey(Optional<Kid> kid) {
        List<AppKey> active = keys.stream().filter(AppKey::isActive).toList();
        if (kid.isPresent()) {
            return active.stream().filter(key -> key.kid().equals(kid.get())).findFirst();
        }
        return active.size() == 1 ? Optional.of(active.get(0)) : Optional.empty();
    }

    public Optional<AppKey> find(AppKeyId keyId) {
        return keys.stream().filter(key -> key.id().equals(keyId)).findFirst();
    }

    public List<AppKey> keys() {
        return List.copyOf(keys);
    }

    private AppKey require(AppKeyId keyId) {
        return find(keyId).orElseThrow(() -> new NotFound("no key " + keyId + " for app " + appId));
    }

    private long activeKeyCount() {
        return keys.stream().filter(AppKey::isActive).count();
    }
}
