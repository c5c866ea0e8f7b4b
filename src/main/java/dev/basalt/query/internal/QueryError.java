package dev.basalt.query.internal;

/**
 * A problem with an expression, found by any stage: a detail naming the offending token and its 0-based position
 * (-1 when none). The compiler turns it into a {@code QueryException} for the parameter the expression came from.
 */
public final class QueryError extends RuntimeException {
    private static final int SNIPPET_LENGTH = 40;
    private final int position;

    public QueryError(String detail, int position) {
        super(detail, null, false, false);
        this.position = position;
    }

    /** The 0-based offset of the offending token, or -1. */
    public int position() {
        return position;
    }

    /** The detail, without position. */
    public String detail() {
        return getMessage();
    }

    /** A piece of source text quoted for a message, shortened when long. */
    public static String quote(String text) {
        String shown = text.length() > SNIPPET_LENGTH ? text.substring(0, SNIPPET_LENGTH) + "..." : text;
        return "\"" + shown.replace("\n", "\\n") + "\"";
    }
}
