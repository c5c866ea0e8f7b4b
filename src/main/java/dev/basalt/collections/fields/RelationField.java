package dev.basalt.collections.fields;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.basalt.query.ColumnKind;
import dev.basalt.shared.FieldError;
import dev.basalt.shared.ValidationErrors;
import java.util.List;
import org.jooq.DataType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * References to records of another collection ({@code collectionId}): one id (maxSelect up to 1, a text column) or
 * several (maxSelect over 1, a text[] column). Whether the ids exist is checked by the records module, which also
 * applies {@code cascadeDelete} when a referenced record is deleted.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelationField(String id, String name, String type, boolean system, boolean hidden, boolean presentable,
                            boolean required, String collectionId, boolean cascadeDelete, int minSelect,
                            int maxSelect) implements Field {
    public RelationField {
        type = "relation";
        collectionId = collectionId == null ? "" : collectionId;
    }

    @Override
    public Field withId(String newId) {
        return new RelationField(newId, name, type, system, hidden, presentable, required, collectionId,
                cascadeDelete, minSelect, maxSelect);
    }

    /** True when the field holds several ids. */
    public boolean multiple() {
        return maxSelect > 1;
    }

    /** Appends, prepends or removes {@link Modifier#onList names}. */
    @Override
    public Object modify(Modifier modifier, Object input, Object current) {
        return modifier.onList(input, current, kind() == ColumnKind.TEXT_ARRAY);
    }

    @Override
    public ColumnKind kind() {
        return multiple() ? ColumnKind.TEXT_ARRAY : ColumnKind.TEXT;
    }

    @Override
    public DataType<?> columnType() {
        if (multiple()) {
            return SQLDataType.CLOB.array().nullable(false).defaultValue(DSL.field("'{}'::text[]", String[].class));
        }
        return SQLDataType.CLOB.nullable(false).defaultValue(DSL.inline(""));
    }

    @Override
    public Object zeroValue() {
        return multiple() ? new String[0] : "";
    }

    /** Keeps unique non-blank ids; a single relation keeps the last one given (as PocketBase). */
    @Override
    public Object accept(Object input, Object current) {
        List<String> ids = Casts.uniqueStrings(input);
        if (!multiple()) {
            return ids.isEmpty() ? "" : ids.getLast();
        }
        return ids.toArray(String[]::new);
    }

    /** The ids of a stored or accepted value. */
    public static List<String> ids(Object value) {
        if (value instanceof String[] arr) {
            return List.of(arr);
        }
        return value instanceof String s && !s.isEmpty() ? List.of(s) : List.of();
    }

    @Override
    public FieldError check(Object value) {
        List<String> ids = ids(value);
        if (ids.isEmpty()) {
            return required ? FieldError.required() : null;
        }
        if (minSelect > 0 && ids.size() < minSelect) {
            return new FieldError("validation_not_enough_values", "Select at least " + minSelect + ".");
        }
        int most = Math.max(maxSelect, 1);
        if (ids.size() > most) {
            return new FieldError("validation_too_many_values", "Select no more than " + most + ".");
        }
        return null;
    }

    @Override
    public Object toJson(Object stored) {
        if (multiple()) {
            return stored instanceof String[] arr ? List.of(arr) : List.of();
        }
        return stored == null ? "" : stored;
    }

    @Override
    public void validateOptions(String prefix, ValidationErrors errors) {
        if (collectionId.isEmpty()) {
            errors.add(prefix + ".collectionId", "validation_required", "Cannot be blank.");
        }
        if (minSelect < 0) {
            errors.add(prefix + ".minSelect", "validation_min_greater_equal_than_required", "Must be no less than 0.");
        }
        if (minSelect > 0 && maxSelect < minSelect) {
            errors.add(prefix + ".maxSelect", "validation_min_greater_equal_than_required",
                    "Must be no less than " + minSelect + ".");
        }
    }
}
