/**
 * Coordination between Basalt nodes that share one PostgreSQL (and optionally one Redis): signals sent with
 * {@code pg_notify} inside a transaction (so they leave only on commit) and received by every node through
 * {@code LISTEN}; the frequent signals over Redis pub/sub when {@code BASALT_REDIS_URL} is set; the barrier that waits
 * for every live node; request/reply between nodes; counters shared by the cluster. General machinery: it knows
 * channels and payloads, not what they mean.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"database", "shared"})
package dev.basalt.cluster;
