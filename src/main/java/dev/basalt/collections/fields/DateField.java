package dev.basalt.collections.fields;

import dev.basalt.query.ColumnKind;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.basalt.shared.FieldError;
import dev.basalt.shared.ValidationErrors;
import java.time.OffsetDateTime;
import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

/** A date and time (timestamptz, NULL when empty), optionally within min/max. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DateField(String id, String name, String type, boolean system, boolean hidden, boolean presentable,
                        boolean required, String min, String max) implements Field {
    public DateField {
        type = "date";
        min = min == null ? "" : min;
        max = max == null ? "" : max;
    }

    @Override
    public Field withId(String newId) {
        return new DateField(newId, name, type, system, hidden, presentable, required, min, max);
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.DATE;
    }

    @Override
    public DataType<?> columnType() {
        return SQLDataType.TIMESTAMPWITHTIMEZONE(3).nullable(true);
    }

    @Override
    public Object zeroValue() {
        return null;
    }

    @Override
    public Object accept(Object input, Object current) {
        return Values.date(input);
    }

    @Override
    public FieldError check(Object value) {
        if (value == null) {
            return required ? FieldError.required() : null;
        }
        OffsetDateTime d = (OffsetDateTime) value;
        OffsetDateTime lo = Values.parseDate(min);
        OffsetDateTime hi = Values.parseDate(max);
        if (lo != null && d.isBefore(lo)) {
            return new FieldError("validation_min_date_constraint", "Must be no earlier than " + min + ".");
        }
        if (hi != null && d.isAfter(hi)) {
            return new FieldError("validation_max_date_constraint", "Must be no later than " + max + ".");
        }
        return null;
    }

    @Override
    public Object toJson(Object stored) {
        return Values.formatDate(stored);
    }

    @Override
    public void validateOptions(String prefix, ValidationErrors errors) {
        if (!min.isBlank() && Values.parseDate(min) == null) {
            errors.add(prefix + ".min", "validation_invalid_date", "Must be a valid date.");
        }
        if (!max.isBlank() && Values.parseDate(max) == null) {
            errors.add(prefix + ".max", "validation_invalid_date", "Must be a valid date.");
        }
    }
}
