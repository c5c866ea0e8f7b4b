package dev.basalt.query.internal.ir;

/**
 * A LEFT JOIN of {@code table AS alias ON on}; planned by the relation join pass for to-one relation paths. With a
 * {@code guard}, only the rows meeting it are joined (see {@link RowGuard}).
 */
public record Join(String table, String alias, Cond on, RowGuard guard) {
    /** An unguarded join. */
    public Join(String table, String alias, Cond on) {
        this(table, alias, on, null);
    }
}
