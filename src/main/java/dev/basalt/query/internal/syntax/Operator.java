package dev.basalt.query.internal.syntax;

/** A comparison operator; the any-of forms ({@code ?=}) are the same operator with the any flag of a comparison. */
public enum Operator {
    EQ("="), NEQ("!="), GT(">"), GTE(">="), LT("<"), LTE("<="), LIKE("~"), NOT_LIKE("!~");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The operator written as {@code symbol} (without the {@code ?} prefix), or null. */
    public static Operator of(String symbol) {
        for (Operator op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        return null;
    }
}
