package dev.basalt.query;

import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

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
    TEXT_ARRAY;

    /** The jOOQ data type a column of this kind is read and written with. */
    public DataType<?> dataType() {
        return switch (this) {
            case TEXT -> SQLDataType.CLOB;
            case NUMBER -> SQLDataType.DOUBLE;
            case BOOL -> SQLDataType.BOOLEAN;
            case DATE -> SQLDataType.TIMESTAMPWITHTIMEZONE(3);
            case JSON -> SQLDataType.JSONB;
            case TEXT_ARRAY -> SQLDataType.CLOB.array();
        };
    }
}
