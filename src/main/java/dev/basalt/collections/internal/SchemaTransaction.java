package dev.basalt.collections.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionDraft;
import dev.basalt.collections.IndexDefinition;
import dev.basalt.shared.ValidationErrors;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * One schema change in progress: the stored collections as this transaction sees them, and the steps that
 * validate a candidate, alter its table and write {@code _collections}, all on the transaction's connection.
 */
final class SchemaTransaction {
    /** Prefix of generated collection ids (as PocketBase). */
    static final String ID_PREFIX = "pbc_";
    /** How many numbered variants of a generated id are tried before giving up. */
    private static final int MAX_ID_ATTEMPTS = 1000;

    private final DSLContext dsl;
    private final OffsetDateTime now;
    private final List<Collection> stored;
    private final SchemaLookup lookup;
    private final TableDdl ddl;
    private final ViewDdl views;
    private final List<Collection> deleted = new ArrayList<>();

    SchemaTransaction(DSLContext dsl, OffsetDateTime now) {
        this.dsl = dsl;
        this.now = now;
        this.stored = new ArrayList<>(CollectionRows.loadAll(dsl));
        this.lookup = new PostgresSchemaLookup(dsl);
        this.ddl = new TableDdl(dsl);
        this.views = new ViewDdl(dsl);
    }

    List<Collection> stored() {
        return List.copyOf(stored);
    }

    /** The collections this transaction deleted, as they were. */
    List<Collection> deleted() {
        return List.copyOf(deleted);
    }

    /** The stored collection with this id, or with this name (case-insensitive). */
    Optional<Collection> find(String idOrName) {
        if (idOrName == null || idOrName.isEmpty()) {
            return Optional.empty();
        }
        return stored.stream().filter(c -> c.id().equals(idOrName)).findFirst()
                .or(() -> stored.stream().filter(c -> c.name().equalsIgnoreCase(idOrName)).findFirst());
    }

    /** Applies a draft to a stored collection (or creates one when {@code original} is null) and saves it. */
    Collection apply(CollectionDraft draft, Collection original, CollectionMerger.Mode mode) {
        ValidationErrors errors = new ValidationErrors();
        CollectionBuilder b = CollectionMerger.merge(draft, original, mode, errors, now);
        if (!errors.isEmpty()) {
            // unreadable values (e.g. an unknown field type) leave gaps that would shift later error keys
            throw new InvalidCollectionException(errors.asMap());
        }
        return save(b, original, errors);
    }

    /** Validates and saves a candidate; {@code errors} may already hold errors of the submitted values. */
    Collection save(CollectionBuilder b, Collection original, ValidationErrors errors) {
        if (original == null && b.id == null) {
            b.id = generateId(b.type, b.name);
        }
        if (b.created == null) {
            b.created = now;
        }
        if (b.updated == null) {
            b.updated = now;
        }
        List<Collection> others = stored.stream().filter(c -> original == null || !c.id().equals(original.id()))
                .toList();
        if (Collection.VIEW.equals(b.type)) {
            prepareView(b, others, errors);
        }
        CollectionDefaults.apply(b, original);
        Collection candidate = b.build();
        List<IndexDefinition> indexes = CollectionValidator.validate(candidate, original, others, lookup, errors);
        if (!errors.isEmpty()) {
            throw new InvalidCollectionException(errors.asMap());
        }
        b.indexes = new ArrayList<>(indexes.stream().map(IndexDefinition::toSql).toList());
        CollectionDefaults.moveIdFirst(b);
        Collection saved = b.build();
        if (saved.isView()) {
            saveView(saved, original);
        } else if (original == null) {
            ddl.create(saved, indexes);
            CollectionRows.insert(dsl, saved);
            stored.add(saved);
        } else {
            List<IndexDefinition> before = TableDdl.parsed(original);
            ddl.alter(original, saved, before, indexes);
            CollectionRows.update(dsl, saved);
            stored.replaceAll(c -> c.id().equals(saved.id()) ? saved : c);
        }
        return saved;
    }

    /** A view's fields come from its query, proven by PostgreSQL; it has no indexes and no write rules. */
    private void prepareView(CollectionBuilder b, List<Collection> others, ValidationErrors errors) {
        b.createRule = null;
        b.updateRule = null;
        b.deleteRule = null;
        if (!b.indexes.isEmpty()) {
            errors.add("indexes", "validation_view_indexes", "View collections cannot have indexes.");
        }
        try {
            b.viewQuery = ViewQueryText.check(b.viewQuery);
            b.fields = new ArrayList<>(views.inspect(b.viewQuery, others));
            if (b.indexOfField(CollectionDefaults.ID) < 0) {
                errors.add(ViewQueryText.KEY, "validation_missing_view_id",
                        "The view query must return an \"id\" column.");
            }
        } catch (InvalidCollectionException e) {
            e.errors().forEach(errors::add);
            b.fields = new ArrayList<>(List.of(dev.basalt.collections.fields.TextField.idField()));
        }
    }

    private void saveView(Collection saved, Collection original) {
        if (original == null) {
            views.create(saved);
            CollectionRows.insert(dsl, saved);
            stored.add(saved);
            return;
        }
        if (!original.name().equals(saved.name()) || !original.viewQuery().equals(saved.viewQuery())
                || !original.fields().equals(saved.fields())) {
            views.replace(original, saved);
        }
        CollectionRows.update(dsl, saved);
        stored.replaceAll(c -> c.id().equals(saved.id()) ? saved : c);
    }

    void delete(Collection c) {
        if (c.isView()) {
            views.drop(c);
        } else {
            ddl.drop(c);
        }
        CollectionRows.delete(dsl, c.id());
        stored.removeIf(s -> s.id().equals(c.id()));
        deleted.add(c);
    }

    private String generateId(String type, String name) {
        String base = ID_PREFIX + FieldIds.checksum(String.valueOf(type) + name);
        String id = base;
        for (int i = 2; i < MAX_ID_ATTEMPTS && idTaken(id); i++) {
            id = base + i;
        }
        return id;
    }

    private boolean idTaken(String id) {
        return stored.stream().anyMatch(c -> c.id().equals(id));
    }
}
