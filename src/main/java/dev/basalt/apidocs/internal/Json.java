package dev.basalt.apidocs.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the ordered JSON objects of the document; a null value leaves its key out. */
final class Json {
    private Json() {
    }

    /** An object of these keys and values, in order; keys with null values are left out. */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    /** A reference to a component of {@code #/components/<kind>/}. */
    static Map<String, Object> ref(String kind, String name) {
        return obj("$ref", "#/components/" + kind + "/" + name);
    }

    /** A reference to a schema component. */
    static Map<String, Object> schemaRef(String name) {
        return ref("schemas", name);
    }

    /** A JSON request body with this schema. */
    static Map<String, Object> jsonBody(Map<String, Object> schema, boolean required) {
        return obj("required", required, "content", obj("application/json", obj("schema", schema)));
    }

    /** A JSON response with this description and schema. */
    static Map<String, Object> jsonResponse(String description, Map<String, Object> schema) {
        return obj("description", description, "content", obj("application/json", obj("schema", schema)));
    }

    /** An object schema with these properties and required keys (none when empty). */
    static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        return obj("type", "object", "properties", properties, "required", required.isEmpty() ? null : required);
    }

    /** A string property with this description. */
    static Map<String, Object> string(String description) {
        return obj("type", "string", "description", description);
    }
}
