package dev.basalt.query.internal.ir;

/** A LEFT JOIN of {@code table AS alias ON on}; planned by relation passes (none yet). */
public record Join(String table, String alias, Cond on) {
}
