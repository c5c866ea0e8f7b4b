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
     * The JSON object of a record: secret fields never, hidden fields for superusers ({@code showHidden}), and the
     * {@code email} of an auth record only when {@code showEmail} or its {@code emailVisibility} is true (see
     * {@link AuthRecordRules}).
     */
    public static Map<String, Object> render(RecordData record, boolean showHidden, boolean showEmail) {
        Collection collection = record.collection();
        boolean hideEmail = collection.isAuth() && !showEmail && !record.bool("emailVisibility");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("collectionId", collection.id());
        json.put("collectionName", collection.name());
        for (Field f : collection.fields()) {
            if (!RecordData.printed(collection, f, showHidden)) {
                continue;
            }
            if (hideEmail && f.system() && f.name().equals("email")) {
                continue;
            }
            json.put(f.name(), f.toJson(record.get(f.name())));
        }
        return json;
    }
}
