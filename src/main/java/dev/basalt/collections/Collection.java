package dev.basalt.collections;

import dev.basalt.collections.fields.Field;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A collection: its PocketBase definition and, for {@code base} and {@code auth} types, the PostgreSQL table
 * (named after the collection) that holds its records; for {@code view} collections a PostgreSQL VIEW of that
 * name, defined by {@code viewQuery} (null for other types). Rules are null (superusers only), "" (everyone) or
 * a filter expression. Auth collections carry their {@link AuthOptions} (defaults when none are given); other
 * types have none (null).
 */
public record Collection(String id, String name, String type, boolean system, List<Field> fields,
                         List<String> indexes, String listRule, String viewRule, String createRule,
                         String updateRule, String deleteRule, OffsetDateTime created, OffsetDateTime updated,
                         AuthOptions authOptions, String viewQuery) {
    /** Type of ordinary collections. */
    public static final String BASE = "base";
    /** Type of collections whose records can sign in. */
    public static final String AUTH = "auth";
    /** Type of read-only collections backed by a SELECT ({@code viewQuery}). */
    public static final String VIEW = "view";

    public Collection {
        fields = List.copyOf(fields);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        authOptions = !AUTH.equals(type) ? null : authOptions == null ? AuthOptions.defaults() : authOptions;
        viewQuery = VIEW.equals(type) ? (viewQuery == null ? "" : viewQuery) : null;
    }

    /** A base or auth collection (default auth options for auth collections; no view query). */
    public Collection(String id, String name, String type, boolean system, List<Field> fields, List<String> indexes,
                      String listRule, String viewRule, String createRule, String updateRule, String deleteRule,
                      OffsetDateTime created, OffsetDateTime updated) {
        this(id, name, type, system, fields, indexes, listRule, viewRule, createRule, updateRule, deleteRule, created,
                updated, null, null);
    }

    /** A collection with these auth options (ignored unless the type is auth); no view query. */
    public Collection(String id, String name, String type, boolean system, List<Field> fields, List<String> indexes,
                      String listRule, String viewRule, String createRule, String updateRule, String deleteRule,
                      OffsetDateTime created, OffsetDateTime updated, AuthOptions authOptions) {
        this(id, name, type, system, fields, indexes, listRule, viewRule, createRule, updateRule, deleteRule, created,
                updated, authOptions, null);
    }

    /** A collection with this view query (ignored unless the type is view); default auth options. */
    public Collection(String id, String name, String type, boolean system, List<Field> fields, List<String> indexes,
                      String listRule, String viewRule, String createRule, String updateRule, String deleteRule,
                      OffsetDateTime created, OffsetDateTime updated, String viewQuery) {
        this(id, name, type, system, fields, indexes, listRule, viewRule, createRule, updateRule, deleteRule, created,
                updated, null, viewQuery);
    }

    /** The field with this name, if any (case-sensitive, as column names are). */
    public Optional<Field> field(String fieldName) {
        for (Field f : fields) {
            if (f.name().equals(fieldName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The field with this id, if any. */
    public Optional<Field> fieldById(String fieldId) {
        return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }

    public boolean isAuth() {
        return AUTH.equals(type);
    }

    /** True for view collections: records are read through their VIEW and cannot be written. */
    public boolean isView() {
        return VIEW.equals(type);
    }
}
