package dev.basalt.query.internal.ir;

/** The rows to return: skip {@code offset}, then at most {@code limit} ({@code limit < 0}: no limit). */
public record RowRange(long offset, long limit) {
    /** Every row. */
    public static final RowRange ALL = new RowRange(0, -1);

    public boolean isAll() {
        return offset == 0 && limit < 0;
    }
}
