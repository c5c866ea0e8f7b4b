package dev.basalt.hooks.js;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Values crossing between hook code and the server travel as JSON text: one mapper and the conversions. */
final class JsJson {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsJson() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static Object read(String json) {
        return json == null || json.isEmpty() ? null : MAPPER.readValue(json, Object.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readMap(String json) {
        return read(json) instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    /** A stored value as PocketBase's JSON shows it (dates as text, arrays as lists...). */
    static Object fieldJson(Collection collection, String name, Object stored) {
        Field field = collection == null ? null : collection.field(name).orElse(null);
        if (field == null || stored == null) {
            return stored;
        }
        return field.toJson(stored);
    }

    /** A collection as hook code sees it: id, name, type and its fields' names and types. */
    static Map<String, Object> collection(Collection c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        out.put("name", c.name());
        out.put("type", c.type());
        out.put("fields", c.fields().stream().map(f -> Map.of("name", f.name(), "type", f.type(), "hidden",
                f.hidden())).toList());
        return out;
    }
}
