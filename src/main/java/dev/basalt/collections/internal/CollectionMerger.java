package dev.basalt.collections.internal;

import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionDraft;
import dev.basalt.collections.fields.Field;
import dev.basalt.shared.ValidationErrors;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a draft to a stored collection (or to nothing, on create): only the submitted keys change, and a
 * submitted {@code fields} list replaces the fields, each matched to a stored field by id, else by name, so a
 * renamed field keeps its column. Type errors of the submitted values are recorded, not thrown.
 */
final class CollectionMerger {
    private static final List<String> RULES = List.of("listRule", "viewRule", "createRule", "updateRule",
            "deleteRule");

    /** How stored fields missing from the submitted list are treated. */
    enum Mode {
        /** The submitted list is the new list (the Collections API's create and update). */
        REPLACE,
        /** Import keeping fields that are not given. */
        IMPORT_KEEP,
        /** Import deleting non-system fields that are not given. */
        IMPORT_DELETE_MISSING
    }

    private CollectionMerger() {
    }

    static CollectionBuilder merge(CollectionDraft d, Collection original, Mode mode, ValidationErrors errors,
                                   OffsetDateTime now) {
        CollectionBuilder b = original != null ? CollectionBuilder.from(original) : newBuilder(now);
        if (d.has("id")) {
            String id = text(d, "id", errors);
            if (original == null) {
                b.id = id == null || id.isEmpty() ? null : id;
            } else if (id != null && !id.isEmpty() && !id.equals(original.id())) {
                errors.add("id", "validation_id_change", "The collection id cannot be changed.");
            }
        }
        if (d.has("name")) {
            b.name = nullToEmpty(text(d, "name", errors));
        }
        if (d.has("type")) {
            String type = text(d, "type", errors);
            b.type = type == null || type.isEmpty() ? Collection.BASE : type;
        }
        if (d.has("system")) {
            Object v = d.get("system");
            if (v instanceof Boolean flag) {
                b.system = flag;
            } else if (v != null) {
                errors.add("system", "validation_invalid_value", "Must be a boolean.");
            }
        }
        for (String rule : RULES) {
            if (d.has(rule)) {
                setRule(b, rule, text(d, rule, errors));
            }
        }
        if (d.has("viewQuery")) {
            b.viewQuery = nullToEmpty(text(d, "viewQuery", errors));
        }
        if (d.has("indexes")) {
            b.indexes = strings(d.get("indexes"), errors);
        }
        boolean fieldsGiven = d.has("fields") && d.get("fields") != null;
        if (fieldsGiven) {
            b.fields = fields(d.get("fields"), original, errors);
        } else if (original != null && mode == Mode.IMPORT_DELETE_MISSING) {
            b.fields = new ArrayList<>();
        }
        if (original != null && mode != Mode.REPLACE) {
            keepMissing(b, original, mode == Mode.IMPORT_DELETE_MISSING);
        }
        b.authOptions = Collection.AUTH.equals(b.type)
                ? AuthOptionsReader.merge(b.authOptions != null ? b.authOptions : AuthOptions.defaults(), d.values(), errors)
                : null;
        b.updated = now;
        return b;
    }

    private static CollectionBuilder newBuilder(OffsetDateTime now) {
        CollectionBuilder b = new CollectionBuilder();
        b.name = "";
        b.type = Collection.BASE;
        b.created = now;
        return b;
    }

    private static List<Field> fields(Object value, Collection original, ValidationErrors errors) {
        List<Field> out = new ArrayList<>();
        if (!(value instanceof List<?> list)) {
            errors.add("fields", "validation_invalid_value", "Must be a list of field definitions.");
            return out;
        }
        Map<Integer, Field> parsed = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> json)) {
                errors.add("fields." + i, "validation_invalid_value", "Must be a field definition object.");
                continue;
            }
            try {
                parsed.put(i, JsonCodec.fieldFromMap(json));
            } catch (IllegalArgumentException e) {
                errors.add("fields." + i + ".type", "validation_invalid_field", e.getMessage());
            }
        }
        for (int i = 0; i < list.size(); i++) {
            Field f = parsed.get(i);
            if (f == null) {
                continue;
            }
            if (f.id() == null || f.id().isEmpty()) {
                Field byName = original == null ? null : original.field(f.name()).orElse(null);
                boolean idFree = byName != null && out.stream().noneMatch(o -> o.id().equals(byName.id()));
                f = f.withId(idFree ? byName.id() : FieldIds.randomId(f.type(), allFields(out, parsed, original)));
            }
            out.add(f);
        }
        return out;
    }

    private static List<Field> allFields(List<Field> done, Map<Integer, Field> parsed, Collection original) {
        List<Field> all = new ArrayList<>(done);
        all.addAll(parsed.values().stream().filter(f -> f.id() != null).toList());
        if (original != null) {
            all.addAll(original.fields());
        }
        return all;
    }

    private static void keepMissing(CollectionBuilder b, Collection original, boolean deleteMissing) {
        for (Field f : original.fields()) {
            if (deleteMissing && !f.system()) {
                continue;
            }
            if (b.fields.stream().noneMatch(n -> n.id().equals(f.id()))) {
                b.fields.add(f);
            }
        }
    }

    private static void setRule(CollectionBuilder b, String rule, String value) {
        switch (rule) {
            case "listRule" -> b.listRule = value;
            case "viewRule" -> b.viewRule = value;
            case "createRule" -> b.createRule = value;
            case "updateRule" -> b.updateRule = value;
            default -> b.deleteRule = value;
        }
    }

    private static String text(CollectionDraft d, String key, ValidationErrors errors) {
        Object v = d.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        errors.add(key, "validation_invalid_value", "Must be a string.");
        return null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static List<String> strings(Object value, ValidationErrors errors) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List<?> list)) {
            errors.add("indexes", "validation_invalid_value", "Must be a list of index definitions.");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String s) {
                out.add(s);
            } else {
                errors.add("indexes." + i, "validation_invalid_value", "Must be a string.");
            }
        }
        return out;
    }
}
