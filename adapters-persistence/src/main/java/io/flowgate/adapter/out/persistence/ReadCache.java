package io.flowgate.adapter.out.persistence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the token and invoke endpoints read on every request (orgs, apps, keys, grants, signing
 * keys, flows, aliases, revocations), kept on this node and dropped an org at a time whenever
 * anything of that org changes: at once after a commit on this node, and on the others as soon
 * as the change's notification arrives (see {@link ChangeListener}).
 *
 * <p>Only reading units of work use it, never one that writes: a read-check-write rule must see
 * the database itself. The cache is live only while notifications are being received; without
 * them it could miss a change, so then every read goes to the database.
 *
 * <p>An entry is stored into the partition that was current when its load began. If the
 * partition is dropped meanwhile, the entry goes with it, so a load that raced a change can never
 * outlive it.
 */
public final class ReadCache {

    /** The partition of what belongs to no org: orgs by slug and the scope catalog. */
    static final String GLOBAL = "*";
    /** Past this many entries a partition starts over, so a flood of unknown ids cannot grow it without end. */
    private static final int MAX_ENTRIES_PER_PARTITION = 10_000;

    private final Map<String, Map<Object, Object>> partitions = new ConcurrentHashMap<>();
    private volatile boolean live;

    /** A value of {@code load}, from the cache when live; {@code load} must not return null. */
    @SuppressWarnings("unchecked")
    <T> T get(String partition, Object key, Supplier<T> load) {
        if (!live) {
            return load.get();
        }
        Map<Object, Object> entries = partitions.computeIfAbsent(partition, unused -> new ConcurrentHashMap<>());
        Object value = entries.get(key);
        if (value == null) {
            value = load.get();
            if (entries.size() >= MAX_ENTRIES_PER_PARTITION) {
                entries.clear();
            }
            entries.put(key, value);
        }
        return (T) value;
    }

    /** Something of that org (or {@link #GLOBAL}) changed and committed. */
    void drop(String partition) {
        partitions.remove(partition);
    }

    /**
     * Forgets everything: what every node does on a notification without payload
     * ({@code NOTIFY flowgate_changes}), e.g. after the database was edited by hand.
     */
    public void dropAll() {
        partitions.clear();
    }

    /** Changes are being heard again: start from nothing, since some may have been missed. */
    void resume() {
        partitions.clear();
        live = true;
    }

    /** Changes may go unheard: stop serving from the cache until {@link #resume()}. */
    void pause() {
        live = false;
        partitions.clear();
    }

    boolean isLive() {
        return live;
    }
}
