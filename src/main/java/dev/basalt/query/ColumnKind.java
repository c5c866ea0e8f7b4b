package dev.basalt.query;

/** How a column stores its values, which decides how filters compare them (mirrors the collections' value kinds). */
public enum ColumnKind {
    /** {@code text}, NOT NULL, '' when empty. */
    TEXT,
    /** {@code double precision}. */
    NUMBER,
    /** {@code boolean}. */
    BOOL,
    /** {@code timestamptz}, NULL when empty. */
    DATE,
    /** {@code jsonb}, NULL or JSON null when empty. */
    JSON,
    /** {@code text[]}: multi-valued fields; an empty array is the empty value. */
    TEXT_ARRAY
}
