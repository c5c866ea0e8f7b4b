package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record's stored values as JSON text for realtime change events, and back. Password hashes and the token key
 * are left out (they are secrets, and no rule reads them); every other column keeps its exact stored value, so
 * rules evaluate on the snapshot as on the row.
 */
final class RecordSnapshots {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RecordSnapshots() {
    }

    static String encode(RecordData record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : record.collection().fields()) {
            if (RecordData.secret(record.collection(), f)) {
                continue;
            }
            Object v = record.get(f.name());
            out.put(f.name(), switch (f.kind()) {
                case DATE -> v instanceof OffsetDateTime d ? d.toString() : null;
                case JSON -> v == null ? null : v instanceof JSONB j ? j.data() : v.toString();
                case TEXT_ARRAY -> v instanceof String[] a ? List.of(a) : v;
                default -> v;
            });
        }
        return JSON.writeValueAsString(out);
    }

    static RecordData decode(Collection collection, String snapshot) {
        JsonNode json = JSON.readTree(snapshot);
        Map<String, Object> row = new LinkedHashMap<>();
        for (Field f : collection.fields()) {
            JsonNode v = json.get(f.name());
            if (v == null || v.isNull()) {
                row.put(f.name(), RecordData.secret(collection, f) ? null : f.kind() == dev.basalt.query.ColumnKind.TEXT_ARRAY
                        ? new String[0] : f.kind() == dev.basalt.query.ColumnKind.TEXT ? "" : null);
                continue;
            }
            row.put(f.name(), switch (f.kind()) {
                case TEXT -> v.asString();
                case NUMBER -> v.asDouble();
                case BOOL -> v.asBoolean();
                case DATE -> OffsetDateTime.parse(v.asString());
                case JSON -> JSONB.valueOf(v.asString());
                case TEXT_ARRAY -> {
                    List<String> items = new ArrayList<>();
                    v.forEach(item -> items.add(item.asString()));
                    yield items.toArray(String[]::new);
                }
            });
        }
        return RecordData.of(collection, row);
    }
}
