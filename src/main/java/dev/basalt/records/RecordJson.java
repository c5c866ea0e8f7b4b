package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders stored records as PocketBase's record JSON: collectionId, collectionName, then the fields in order. */
public final class RecordJson {
    private RecordJson() {
    }

    /**
     * The JSON object of a record.
     *
     * @param stored     column values by field name
     * @param showHidden true for superusers (password fields are never shown)
     * @param fields     the {@code fields} query parameter
     */
    public static Map<String, Object> render(Collection collection, Map<String, Object> stored, boolean showHidden,
                                             FieldSelection fields) {
        return render(collection, stored, showHidden, fields, showHidden);
    }

    /**
     * The JSON object of a record; the {@code email} of an auth record is printed only when {@code showEmail}
     * or its {@code emailVisibility} is true (see {@link AuthRecordRules}).
     */
    public static Map<String, Object> render(Collection collection, Map<String, Object> stored, boolean showHidden,
                                             FieldSelection fields, boolean showEmail) {
        boolean hideEmail = collection.isAuth() && !showEmail && !Boolean.TRUE.equals(stored.get("emailVisibility"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("collectionId", collection.id());
        json.put("collectionName", collection.name());
        for (Field f : collection.fields()) {
            if (f.type().equals("password") || (f.hidden() && !showHidden) || isTokenKey(collection, f)) {
                continue;
            }
            if (hideEmail && f.system() && f.name().equals("email")) {
                continue;
            }
            json.put(f.name(), f.toJson(stored.get(f.name())));
        }
        return fields.apply(json);
    }

    /** The token key of auth records is a signing secret: it is never printed, not even to superusers. */
    private static boolean isTokenKey(Collection collection, Field f) {
        return collection.isAuth() && f.system() && f.name().equals("tokenKey");
    }
}
