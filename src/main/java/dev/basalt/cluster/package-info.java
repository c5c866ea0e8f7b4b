/**
 * Coordination between Basalt nodes that share one PostgreSQL: signals sent with {@code pg_notify} inside a
 * transaction (so they leave only on commit) and received by every node through {@code LISTEN}. General
 * machinery: it knows channels and payloads, not what they mean.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"database"})
package dev.basalt.cluster;
