package dev.basalt.hooks.js;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/** Values crossing between hook code and the server travel as JSON text: one mapper and the conversions. */
final class JsJson {
    /** Uploads (a request's, or hook code's {@link JsFile}s) show as their names: their content does not cross. */
    static final JsonMapper MAPPER = JsonMapper.builder().addModule(new SimpleModule().addSerializer(
            MultipartFile.class, new StdSerializer<>(MultipartFile.class) {
                @Override
                public void serialize(MultipartFile file, JsonGenerator out, SerializationContext context) {
                    out.writeString(file instanceof JsFile f ? f.name()
                            : file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
                }
            })).build();

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
