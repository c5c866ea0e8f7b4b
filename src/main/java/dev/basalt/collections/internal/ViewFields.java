package dev.basalt.collections.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The field of one result column of a view query: {@code id} is the primary key; a column read straight from a
 * collection's field keeps that field's definition (so relations expand, hidden fields stay hidden, selects and
 * dates keep their options); any other column gets a field from its PostgreSQL type (numbers, bool, dates, json,
 * text; anything else as json). Field ids are PocketBase's checksum of type and name, stable across edits.
 */
final class ViewFields {
    private static final Set<String> NUMBERS = Set.of("int2", "int4", "int8", "float4", "float8", "numeric", "oid",
            "money");
    private static final Set<String> TEXTS = Set.of("text", "varchar", "bpchar", "char", "name", "uuid", "citext");
    private static final Set<String> DATES = Set.of("timestamptz", "timestamp", "date");

    private ViewFields() {
    }

    static Field field(String label, String pgType, String baseTable, String baseColumn,
                       List<Collection> collections) {
        if (CollectionDefaults.ID.equals(label)) {
            return TextField.idField();
        }
        Field source = sourceField(baseTable, baseColumn, collections);
        Map<String, Object> json;
        if (source != null && !(source instanceof TextField t && t.primaryKey())) {
            json = new LinkedHashMap<>(JsonCodec.fieldToMap(source));
            json.put("system", false);
        } else {
            json = new LinkedHashMap<>();
            json.put("type", typeOf(pgType));
        }
        json.put("name", label);
        json.put("id", FieldIds.checksumId((String) json.get("type"), label));
        return JsonCodec.fieldFromMap(json);
    }

    private static Field sourceField(String table, String column, List<Collection> collections) {
        if (table == null || table.isEmpty() || column == null || column.isEmpty()) {
            return null;
        }
        for (Collection c : collections) {
            if (c.name().equals(table)) {
                return c.field(column).orElse(null);
            }
        }
        return null;
    }

    private static String typeOf(String pgType) {
        String t = pgType == null ? "" : pgType.toLowerCase(Locale.ROOT);
        if (NUMBERS.contains(t)) {
            return "number";
        }
        if (t.equals("bool")) {
            return "bool";
        }
        if (DATES.contains(t)) {
            return "date";
        }
        if (TEXTS.contains(t)) {
            return "text";
        }
        return "json"; // json, jsonb, arrays and every other type: printed as JSON
    }
}
