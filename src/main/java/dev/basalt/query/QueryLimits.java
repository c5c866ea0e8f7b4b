package dev.basalt.query;

/** The compiler's limits (PocketBase's numbers where it has them). */
public final class QueryLimits {
    /** Longest accepted filter expression, in characters. */
    public static final int MAX_FILTER_LENGTH = 3500;
    /** Most comparisons in one filter expression. */
    public static final int MAX_FILTER_EXPRESSIONS = 200;
    /** Deepest parenthesis nesting in one filter expression (keeps the parser's recursion bounded). */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Most fields in one sort expression. */
    public static final int MAX_SORT_FIELDS = 8;
    /** Longest accepted sort field, in characters. */
    public static final int MAX_SORT_FIELD_LENGTH = 255;
    /** Most relation steps in one field path ({@code a.b.c.d.e.f.name}), as PocketBase's maxNestedRels. */
    public static final int MAX_RELATION_DEPTH = 6;
    /** Most arguments of a filter function call: strftime's format, time and 8 modifiers, as PocketBase's limit. */
    public static final int MAX_FUNCTION_ARGUMENTS = 10;
    /** Rows per page when none is asked. */
    public static final int DEFAULT_PER_PAGE = 30;
    /** Most rows per page. */
    public static final int MAX_PER_PAGE = 1000;

    private QueryLimits() {
    }
}
