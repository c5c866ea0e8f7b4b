package dev.basalt.collections;

import dev.basalt.collections.fields.Field;
import dev.basalt.collections.internal.JsonCodec;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The PocketBase JSON form of collections and fields, as the Collections API returns them. */
public final class CollectionJson {
    /** PocketBase's datetime format, always UTC: {@code 2006-01-02 15:04:05.000Z}. */
    public static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'");

    private CollectionJson() {
    }

    /**
     * The collection as PocketBase prints it: {@code id, name, type, system, fields, indexes, listRule, viewRule,
     * createRule, updateRule, deleteRule}, for auth collections their options ({@link AuthOptions#toJson()}),
     * {@code viewQuery} for views, then {@code created, updated}.
     */
    public static Map<String, Object> toJson(Collection c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("name", c.name());
        json.put("type", c.type());
        json.put("system", c.system());
        List<Map<String, Object>> fields = new ArrayList<>();
        for (Field f : c.fields()) {
            fields.add(fieldToJson(f));
        }
        json.put("fields", fields);
        json.put("indexes", List.copyOf(c.indexes()));
        json.put("listRule", c.listRule());
        json.put("viewRule", c.viewRule());
        json.put("createRule", c.createRule());
        json.put("updateRule", c.updateRule());
        json.put("deleteRule", c.deleteRule());
        if (c.authOptions() != null) {
            json.putAll(c.authOptions().toJson());
        }
        if (c.isView()) {
            json.put("viewQuery", c.viewQuery());
        }
        json.put("created", formatDate(c.created()));
        json.put("updated", formatDate(c.updated()));
        return json;
    }

    /** A field's definition with all its options, e.g. {@code {"id":..,"name":..,"type":"text","max":0,..}}. */
    public static Map<String, Object> fieldToJson(Field field) {
        return JsonCodec.fieldToMap(field);
    }

    /**
     * Builds a field from its JSON definition (the {@code type} key picks the field class).
     *
     * @throws IllegalArgumentException with a message safe to show when the type is unknown or an option has
     *                                  the wrong type
     */
    public static Field parseField(Map<String, ?> json) {
        return JsonCodec.fieldFromMap(json);
    }

    /** A timestamp in PocketBase's format, or "" for null. */
    public static String formatDate(OffsetDateTime time) {
        return time == null ? "" : DATE_FORMAT.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
