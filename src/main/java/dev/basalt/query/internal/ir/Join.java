package dev.basalt.query.internal.ir;

/** A LEFT JOIN of {@code table AS alias ON on}; planned by the relation join pass for to-one relation paths. */
public record Join(String table, String alias, Cond on) {
}
