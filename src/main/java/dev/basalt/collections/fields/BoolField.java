package dev.basalt.collections.fields;

import dev.basalt.query.ColumnKind;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.basalt.shared.FieldError;
import org.jooq.DataType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** A boolean; when required it must be true, as in PocketBase. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BoolField(String id, String name, String type, boolean system, boolean hidden, boolean presentable,
                        boolean required) implements Field {
    public BoolField {
        type = "bool";
    }

    @Override
    public Field withId(String newId) {
        return new BoolField(newId, name, type, system, hidden, presentable, required);
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.BOOL;
    }

    @Override
    public DataType<?> columnType() {
        return SQLDataType.BOOLEAN.nullable(false).defaultValue(DSL.inline(false));
    }

    @Override
    public Object zeroValue() {
        return false;
    }

    @Override
    public Object accept(Object input, Object current) {
        return Casts.bool(input);
    }

    @Override
    public FieldError check(Object value) {
        return required && !((Boolean) value) ? FieldError.required() : null;
    }

    @Override
    public Object toJson(Object stored) {
        return stored != null && (Boolean) stored;
    }
}
