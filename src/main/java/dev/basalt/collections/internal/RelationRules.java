package dev.basalt.collections.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.RelationField;
import dev.basalt.shared.ValidationErrors;
import java.util.List;

/**
 * Checks of relation fields when a collection is saved: the related collection exists (by id, the collection itself
 * included) and the related collection of an existing field does not change.
 */
final class RelationRules {
    private RelationRules() {
    }

    static void check(Collection candidate, Collection original, List<Collection> others, ValidationErrors errors) {
        List<Field> fields = candidate.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (!(fields.get(i) instanceof RelationField r) || r.collectionId().isEmpty()) {
                continue;
            }
            String key = "fields." + i + ".collectionId";
            Field old = original == null ? null : original.fieldById(r.id()).orElse(null);
            if (old instanceof RelationField before && !before.collectionId().equals(r.collectionId())) {
                errors.add(key, "validation_field_relation_change", "The relation collection cannot be changed.");
            } else if (!r.collectionId().equals(candidate.id())
                    && others.stream().noneMatch(o -> o.id().equals(r.collectionId()))) {
                errors.add(key, "validation_field_relation_missing_collection", "The relation collection doesn't exist.");
            }
        }
    }

    /** The first other collection with a relation field to {@code target}, or null when nothing refers to it. */
    static Collection referrer(Collection target, List<Collection> stored) {
        for (Collection c : stored) {
            if (c.id().equals(target.id())) {
                continue;
            }
            for (Field f : c.fields()) {
                if (f instanceof RelationField r && r.collectionId().equals(target.id())) {
                    return c;
                }
            }
        }
        return null;
    }
}
