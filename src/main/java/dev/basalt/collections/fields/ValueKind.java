package dev.basalt.collections.fields;

/** How a field's value is stored and compared: the shape the query compiler and the JSON writer see. */
public enum ValueKind {
    /** PostgreSQL {@code text}, Java {@code String}. */
    TEXT,
    /** PostgreSQL {@code double precision}, Java {@code Double}. */
    NUMBER,
    /** PostgreSQL {@code boolean}, Java {@code Boolean}. */
    BOOL,
    /** PostgreSQL {@code timestamptz} (NULL for none), Java {@code OffsetDateTime}. */
    DATE,
    /** PostgreSQL {@code jsonb}, Java {@code org.jooq.JSONB}. */
    JSON,
    /** PostgreSQL {@code text[]}, Java {@code String[]}: multi-valued fields. */
    TEXT_ARRAY
}
