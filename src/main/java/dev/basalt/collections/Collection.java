package dev.basalt.collections;

import dev.basalt.collections.fields.Field;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A collection: its PocketBase definition and, for {@code base} and {@code auth} types, the PostgreSQL table
 * (named after the collection) that holds its records. Rules are null (superusers only), "" (everyone) or a
 * filter expression. Auth collections carry their {@link AuthOptions} (defaults when none are given); other
 * types have none (null).
 */
public record Collection(String id, String name, String type, boolean system, List<Field> fields,
                         List<String> indexes, String listRule, String viewRule, String createRule,
                         String updateRule, String deleteRule, OffsetDateTime created, OffsetDateTime updated,
                         AuthOptions authOptions) {
    /** Type of ordinary collections. */
    public static final String BASE = "base";
    /** Type of collections whose records can sign in. */
    public static final String AUTH = "auth";

    public Collection {
        fields = List.copyOf(fields);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        authOptions = !AUTH.equals(type) ? null : authOptions == null ? AuthOptions.defaults() : authOptions;
    }

    /** A collection with default auth options (for auth collections). */
    public Collection(String id, String name, String type, boolean system, List<Field> fields, List<String> indexes,
                      String listRule, String viewRule, String createRule, String updateRule, String deleteRule,
                      OffsetDateTime created, OffsetDateTime updated) {
        this(id, name, type, system, fields, indexes, listRule, viewRule, createRule, updateRule, deleteRule, created,
                updated, null);
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
}
