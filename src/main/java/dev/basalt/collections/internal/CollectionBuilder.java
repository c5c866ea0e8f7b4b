package dev.basalt.collections.internal;

import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A mutable copy of a collection's parts, for building the candidate of a change. */
final class CollectionBuilder {
    String id;
    String name;
    String type;
    boolean system;
    List<Field> fields = new ArrayList<>();
    List<String> indexes = new ArrayList<>();
    String listRule;
    String viewRule;
    String createRule;
    String updateRule;
    String deleteRule;
    OffsetDateTime created;
    OffsetDateTime updated;
    AuthOptions authOptions;
    String viewQuery;

    static CollectionBuilder from(Collection c) {
        CollectionBuilder b = new CollectionBuilder();
        b.id = c.id();
        b.name = c.name();
        b.type = c.type();
        b.system = c.system();
        b.fields = new ArrayList<>(c.fields());
        b.indexes = new ArrayList<>(c.indexes());
        b.listRule = c.listRule();
        b.viewRule = c.viewRule();
        b.createRule = c.createRule();
        b.updateRule = c.updateRule();
        b.deleteRule = c.deleteRule();
        b.created = c.created();
        b.updated = c.updated();
        b.authOptions = c.authOptions();
        b.viewQuery = c.viewQuery();
        return b;
    }

    Collection build() {
        return new Collection(id, name, type, system, fields, indexes, listRule, viewRule, createRule, updateRule,
                deleteRule, created, updated, authOptions, viewQuery);
    }

    int indexOfField(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }
}
