package dev.basalt.collections.fields;

import dev.basalt.query.ColumnKind;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.basalt.shared.FieldError;
import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

/** A timestamp set by the server on create and/or update; clients cannot set it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AutodateField(String id, String name, String type, boolean system, boolean hidden, boolean presentable,
                            boolean onCreate, boolean onUpdate) implements Field {
    public AutodateField {
        type = "autodate";
    }

    /** The {@code created} field new collections get. */
    public static AutodateField created() {
        return new AutodateField("autodate2990389176", "created", "autodate", false, false, false, true, false);
    }

    /** The {@code updated} field new collections get. */
    public static AutodateField updated() {
        return new AutodateField("autodate3332085495", "updated", "autodate", false, false, false, true, true);
    }

    @Override
    public Field withId(String newId) {
        return new AutodateField(newId, name, type, system, hidden, presentable, onCreate, onUpdate);
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
        // set by the server only: a submitted value changes nothing, as PocketBase's no-op setter
        return current;
    }

    @Override
    public FieldError check(Object value) {
        return null;
    }

    @Override
    public Object toJson(Object stored) {
        return Values.formatDate(stored);
    }

    @Override
    public boolean readOnly() {
        return true;
    }
}
