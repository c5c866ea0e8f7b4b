package dev.basalt.collections.fields;

import dev.basalt.query.ColumnKind;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.basalt.shared.FieldError;
import dev.basalt.shared.ValidationErrors;
import org.jooq.DataType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** A number (double precision), optionally integers only and within min/max. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NumberField(String id, String name, String type, boolean system, boolean hidden, boolean presentable,
                          boolean required, Double min, Double max, boolean onlyInt) implements Field {
    public NumberField {
        type = "number";
    }

    @Override
    public Field withId(String newId) {
        return new NumberField(newId, name, type, system, hidden, presentable, required, min, max, onlyInt);
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.NUMBER;
    }

    @Override
    public DataType<?> columnType() {
        return SQLDataType.DOUBLE.nullable(false).defaultValue(DSL.inline(0d));
    }

    @Override
    public Object zeroValue() {
        return 0d;
    }

    @Override
    public Object accept(Object input, Object current) {
        return Casts.number(input);
    }

    /** {@code field+} adds, {@code field-} subtracts; there is no {@code +field}. */
    @Override
    public Object modify(Modifier modifier, Object input, Object current) {
        if (modifier == Modifier.PREPEND) {
            return null;
        }
        double base = current instanceof Number n ? n.doubleValue() : 0;
        double delta = Casts.number(input);
        return modifier == Modifier.APPEND ? base + delta : base - delta;
    }

    @Override
    public FieldError check(Object value) {
        double d = (Double) value;
        if (!Double.isFinite(d)) {
            // "inf", "nan" and the like parse (as in Go) but are not storable numbers
            return new FieldError("validation_not_a_number", "The submitted number is not properly formatted.");
        }
        if (d == 0) {
            return required ? FieldError.required() : null;
        }
        if (onlyInt && d != Math.rint(d)) {
            return new FieldError("validation_only_int_constraint", "Only integers are allowed.");
        }
        if (min != null && d < min) {
            return new FieldError("validation_min_number_constraint", "Must be larger than " + Numbers.format(min) + ".");
        }
        if (max != null && d > max) {
            return new FieldError("validation_max_number_constraint", "Must be less than " + Numbers.format(max) + ".");
        }
        return null;
    }

    @Override
    public Object toJson(Object stored) {
        return Numbers.json(stored == null ? 0d : (Double) stored);
    }

    @Override
    public void validateOptions(String prefix, ValidationErrors errors) {
        if (min != null && max != null && min > max) {
            errors.add(prefix + ".max", "validation_invalid_range", "max must be at least min.");
        }
    }
}
