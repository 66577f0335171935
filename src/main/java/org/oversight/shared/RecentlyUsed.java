package org.oversight.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded map of the entries used most recently, safe for concurrent use: what is computed or parsed from immutable
 * inputs (a snapshot's revision, a stored row's computation time) and asked for again and again. The key must name
 * everything the value depends on, so an entry is never stale, only unused; the least recently used one goes first.
 */
public final class RecentlyUsed<K, V> {

    private final Map<K, V> entries;

    public RecentlyUsed(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }

    /** The value kept for the key, or null. */
    public V get(K key) {
        return entries.get(key);
    }

    public void put(K key, V value) {
        entries.put(key, value);
    }

    /**
     * The value kept for the key, or the one computed now and kept. Computed outside the lock: two readers that miss at
     * once both compute it (the same value, as the key names all it depends on) rather than one waiting for the other.
     */
    public V get(K key, Supplier<V> compute) {
        V value = entries.get(key);
        if (value == null) {
            value = compute.get();
            entries.put(key, value);
        }
        return value;
    }

    public int size() {
        return entries.size();
    }
}
