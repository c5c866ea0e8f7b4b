package dev.basalt.ops.internal;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open connections per client address, refusing one more past a cap. An address leaves the map with its last
 * connection, so the map holds only addresses that are connected now.
 */
final class ConnectionsPerAddress {
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private volatile int max;

    /** {@code max} connections per address at most; 0 or less: no cap. Counted connections stay counted. */
    void setMax(int max) {
        this.max = max;
    }

    int max() {
        return max;
    }

    boolean enabled() {
        return max > 0;
    }

    /** Counts a new connection from {@code address}; false (and nothing counted) when it already has the most. */
    boolean tryAcquire(InetAddress address) {
        boolean[] acquired = {false};
        open.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= max) {
                return count;
            }
            acquired[0] = true;
            return current + 1;
        });
        return acquired[0];
    }

    /** Forgets one connection of {@code address} counted by {@link #tryAcquire}. */
    void release(InetAddress address) {
        open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** Connections open now from {@code address}. */
    int count(InetAddress address) {
        return open.getOrDefault(address, 0);
    }
}
