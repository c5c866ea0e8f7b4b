package dev.basalt.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders of collection and field definitions for the relation tests. */
final class RelationFixtures {
    private RelationFixtures() {
    }

    /** A unique collection name with this prefix. */
    static String unique(String prefix) {
        return prefix + "_" + Long.toString(System.nanoTime(), 36);
    }

    /** A collection definition open to everyone, with these fields. */
    @SafeVarargs
    static Map<String, Object> collection(String name, Map<String, Object>... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "base");
        body.put("fields", new ArrayList<>(List.of(fields)));
        for (String rule : List.of("listRule", "viewRule", "createRule", "updateRule", "deleteRule")) {
            body.put(rule, "");
        }
        return body;
    }

    static Map<String, Object> text(String name) {
        return new LinkedHashMap<>(Map.of("name", name, "type", "text"));
    }

    /** A relation field; maxSelect over 1 makes it multiple. */
    static Map<String, Object> relation(String name, String collectionId, int maxSelect, boolean required,
                                        boolean cascadeDelete) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("type", "relation");
        f.put("collectionId", collectionId);
        f.put("maxSelect", maxSelect);
        f.put("required", required);
        f.put("cascadeDelete", cascadeDelete);
        return f;
    }
}
