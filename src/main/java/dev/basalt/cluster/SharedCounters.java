package dev.basalt.cluster;

import java.time.Duration;

/**
 * Counters every node of the cluster shares (in Redis; the bean exists only when {@code BASALT_REDIS_URL} is set).
 * Used for the rate limits, so that a limit holds for the cluster rather than for each node.
 */
public interface SharedCounters {

    /**
     * Adds one to counter {@code key} and returns its new value; a counter created by this call is forgotten after
     * {@code lifetime}. Atomic across nodes. Fails with a {@link org.springframework.dao.DataAccessException} when
     * the store is unreachable.
     */
    long increment(String key, Duration lifetime);
}
