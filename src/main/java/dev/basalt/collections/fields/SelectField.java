package dev.basalt.collections.fields;

import dev.basalt.query.ColumnKind;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.basalt.shared.FieldError;
import dev.basalt.shared.ValidationErrors;
import java.util.List;
import org.jooq.DataType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** One (maxSelect 1, a text column) or several (maxSelect over 1, a text[] column) of a fixed list of values. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SelectField(String id, String name, String type, boolean system, boolean hidden, boolean presentable,
                          boolean required, List<String> values, int maxSelect) implements Field {
    public SelectField {
        type = "select";
        values = values == null ? List.of() : List.copyOf(values);
        maxSelect = Math.max(maxSelect, 1);
    }

    @Override
    public Field withId(String newId) {
        return new SelectField(newId, name, type, system, hidden, presentable, required, values, maxSelect);
    }

    /** True when the field holds several values. */
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

    @Override
    public Object accept(Object input, Object current) {
        List<String> picked = Casts.uniqueStrings(input);
        if (!multiple()) {
            // as PocketBase: a single select keeps the last of several values
            return picked.isEmpty() ? "" : picked.getLast();
        }
        return picked.toArray(String[]::new);
    }

    @Override
    public FieldError check(Object value) {
        String[] picked = value instanceof String[] arr ? arr
                : ((String) value).isEmpty() ? new String[0] : new String[] {(String) value};
        if (picked.length == 0) {
            return required ? FieldError.required() : null;
        }
        if (picked.length > maxSelect) {
            return new FieldError("validation_too_many_values", "Select no more than " + maxSelect + ".");
        }
        for (String v : picked) {
            if (!values.contains(v)) {
                return new FieldError("validation_invalid_value", "Invalid value " + v + ".");
            }
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
        if (values.isEmpty()) {
            errors.add(prefix + ".values", "validation_required", "Add at least one value.");
        }
        if (maxSelect > values.size() && !values.isEmpty()) {
            errors.add(prefix + ".maxSelect", "validation_invalid_range", "Must not exceed the number of values.");
        }
        if (values.stream().anyMatch(v -> v == null || v.isEmpty())) {
            errors.add(prefix + ".values", "validation_required", "Values cannot be blank.");
        } else if (new java.util.HashSet<>(values).size() != values.size()) {
            errors.add(prefix + ".values", "validation_duplicated_values", "Values must be unique.");
        }
    }
}
