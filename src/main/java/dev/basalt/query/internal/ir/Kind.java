package dev.basalt.query.internal.ir;

import dev.basalt.query.ColumnKind;

/** The type of a resolved operand: a column kind, or NULL for the {@code null} literal and missing values. */
public enum Kind {
    TEXT, NUMBER, BOOL, DATE, JSON, TEXT_ARRAY, NULL;

    /** The kind of a column of this kind. */
    public static Kind of(ColumnKind kind) {
        return switch (kind) {
            case TEXT -> TEXT;
            case NUMBER -> NUMBER;
            case BOOL -> BOOL;
            case DATE -> DATE;
            case JSON -> JSON;
            case TEXT_ARRAY -> TEXT_ARRAY;
        };
    }
}
