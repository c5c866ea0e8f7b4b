package dev.basalt.access;

/** The five record rules of a collection. */
public enum RuleType {
    LIST, VIEW, CREATE, UPDATE, DELETE
}
