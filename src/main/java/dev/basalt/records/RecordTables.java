package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionSchemas;
import dev.basalt.collections.fields.Field;
import dev.basalt.query.TableSchema;
import org.jooq.DataType;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Maps a collection to its table: the table reference, typed column references and the compiler's view. */
public final class RecordTables {
    private RecordTables() {
    }

    /** The collection's table. */
    public static Table<?> table(Collection collection) {
        return DSL.table(DSL.name(collection.name()));
    }

    /** A typed reference to a field's column. */
    public static org.jooq.Field<Object> column(Collection collection, Field field) {
        @SuppressWarnings("unchecked")
        DataType<Object> type = (DataType<Object>) dataType(field);
        return DSL.field(DSL.name(collection.name(), field.name()), type);
    }

    /** The id column. */
    public static org.jooq.Field<String> id(Collection collection) {
        return DSL.field(DSL.name(collection.name(), "id"), SQLDataType.CLOB);
    }

    /** The Java-facing data type of a field's column (without default or nullability). */
    public static DataType<?> dataType(Field field) {
        return field.kind().dataType();
    }

    /** The collection as the query compiler sees it. */
    public static TableSchema schema(Collection collection) {
        return CollectionSchemas.of(collection);
    }
}
