package dev.basalt.collections.internal;

import dev.basalt.collections.fields.Field;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;

/** Jackson conversions of fields and index lists, for the {@code _collections} jsonb columns and the API. */
public final class JsonCodec {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<List<Field>> FIELD_LIST = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private JsonCodec() {
    }

    /** The JSON text of a fields list (each field with its {@code type}). */
    public static String writeFields(List<Field> fields) {
        return MAPPER.writerFor(FIELD_LIST).writeValueAsString(fields);
    }

    /** Reads a fields list written by {@link #writeFields}. */
    public static List<Field> readFields(String json) {
        return MAPPER.readValue(json, FIELD_LIST);
    }

    /** The JSON text of a list of strings. */
    public static String writeStrings(List<String> values) {
        return MAPPER.writeValueAsString(values);
    }

    /** Reads a JSON array of strings. */
    public static List<String> readStrings(String json) {
        return MAPPER.readValue(json, STRING_LIST);
    }

    /** The JSON text of an object. */
    public static String writeObject(Map<String, Object> value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Reads a JSON object. */
    public static Map<String, Object> readObject(String json) {
        return MAPPER.readValue(json, OBJECT);
    }

    /** A field's JSON object with all its options. */
    public static Map<String, Object> fieldToMap(Field field) {
        return MAPPER.convertValue(field, OBJECT);
    }

    /**
     * Builds a field from its JSON object.
     *
     * @throws IllegalArgumentException with a message safe to show (unknown type, options of the wrong type)
     */
    public static Field fieldFromMap(Map<?, ?> json) {
        Object type = json.get("type");
        if (!(type instanceof String) || ((String) type).isEmpty()) {
            throw new IllegalArgumentException("Missing field type.");
        }
        Map<Object, Object> copy = new java.util.LinkedHashMap<>(json);
        if (!(copy.get("name") instanceof String)) {
            copy.put("name", "");
        }
        try {
            return MAPPER.convertValue(copy, Field.class);
        } catch (InvalidTypeIdException e) {
            throw new IllegalArgumentException("Unknown or unsupported field type \"" + type + "\".");
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid field options.");
        }
    }

    /** The string under {@code key} of a JSON object's text, or null when absent or not a string. */
    public static String readOption(String json, String key) {
        if (json == null || json.isBlank()) {
            return null;
        }
        Object value = MAPPER.readValue(json, OBJECT).get(key);
        return value instanceof String s ? s : null;
    }
}
