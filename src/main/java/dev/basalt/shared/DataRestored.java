package dev.basalt.shared;

/**
 * Published (as a Spring application event) on every node after a restore replaced the whole database, so that
 * whatever a module keeps in memory from it (the collections, the token secret, settings, sessions) is read again.
 */
public record DataRestored() {
}
