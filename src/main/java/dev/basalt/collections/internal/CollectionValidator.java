package dev.basalt.collections.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionSchemas;
import dev.basalt.collections.IndexDefinition;
import dev.basalt.query.QueryCompiler;
import dev.basalt.query.QueryException;
import dev.basalt.query.TableCatalog;
import dev.basalt.query.TableSchema;
import dev.basalt.shared.ValidationErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a collection about to be saved, as PocketBase does: id, type, name (unique case-insensitively, not
 * an existing table, system names fixed, only system collections may start with "_"), fields (see
 * {@link FieldRules}), system rules unchanged, indexes (see {@link IndexRules}) and auth options (see
 * {@link AuthOptionRules}). Errors go under the
 * JSON keys of the submitted collection.
 */
public final class CollectionValidator {
    /** Longest collection id (as PocketBase). */
    public static final int MAX_ID_LENGTH = 100;
    /** Longest collection name (as PocketBase); PostgreSQL's 63-byte limit applies as well. */
    public static final int MAX_NAME_LENGTH = 255;
    /** The collection types this server supports. */
    public static final Set<String> TYPES = Set.of(Collection.BASE, Collection.AUTH, Collection.VIEW);
    private static final Pattern ID = Pattern.compile("^\\w+$");
    private static final QueryCompiler COMPILER = new QueryCompiler();

    private CollectionValidator() {
    }

    /**
     * Validates {@code candidate}; returns its parsed indexes (meaningful only when no error was added).
     *
     * @param original the stored collection on update, null on create
     * @param others   every stored collection except {@code original}
     */
    static List<IndexDefinition> validate(Collection candidate, Collection original, List<Collection> others,
                                          SchemaLookup lookup, ValidationErrors errors) {
        checkId(candidate, original, others, errors);
        checkType(candidate, original, errors);
        if (original != null && original.system() != candidate.system()) {
            errors.add("system", "validation_collection_system_flag_change",
                    "System collection state cannot be changed.");
        }
        checkName(candidate, original, others, lookup, errors);
        FieldRules.check(candidate, original, errors);
        RelationRules.check(candidate, original, others, errors);
        checkRuleSyntax(candidate, others, errors);
        if (original != null && original.system()) {
            checkRule("listRule", original.listRule(), candidate.listRule(), errors);
            checkRule("viewRule", original.viewRule(), candidate.viewRule(), errors);
            checkRule("createRule", original.createRule(), candidate.createRule(), errors);
            checkRule("updateRule", original.updateRule(), candidate.updateRule(), errors);
            checkRule("deleteRule", original.deleteRule(), candidate.deleteRule(), errors);
        }
        List<IndexDefinition> indexes = IndexRules.check(candidate, original, lookup, errors);
        AuthOptionRules.check(candidate, original, others, errors);
        return indexes;
    }

    private static void checkId(Collection c, Collection original, List<Collection> others, ValidationErrors errors) {
        if (original != null) {
            return;
        }
        String id = c.id();
        if (id == null || id.isEmpty()) {
            errors.add("id", "validation_required", "Cannot be blank.");
        } else if (id.length() > MAX_ID_LENGTH) {
            errors.add("id", "validation_length_out_of_range", "The length must be between 1 and " + MAX_ID_LENGTH + ".");
        } else if (!ID.matcher(id).matches()) {
            errors.add("id", "validation_match_invalid", "Must be in a valid format.");
        } else if (others.stream().anyMatch(o -> o.id().equals(id))) {
            errors.add("id", "validation_invalid_id", "The model id is invalid or already exists.");
        }
    }

    private static void checkType(Collection c, Collection original, ValidationErrors errors) {
        if (original != null && !original.type().equals(c.type())) {
            errors.add("type", "validation_collection_type_change", "Collection type cannot be changed.");
        } else if (!TYPES.contains(c.type())) {
            errors.add("type", "validation_in_invalid", "Must be a valid value (supported: base, auth, view).");
        }
    }

    private static void checkName(Collection c, Collection original, List<Collection> others, SchemaLookup lookup,
                                  ValidationErrors errors) {
        String name = c.name();
        if (name == null || name.isEmpty()) {
            errors.add("name", "validation_required", "Cannot be blank.");
            return;
        }
        String problem = Identifiers.check(name, MAX_NAME_LENGTH);
        boolean renamed = original == null || !original.name().equals(name);
        if (problem != null) {
            errors.add("name", Identifiers.errorCode(name, MAX_NAME_LENGTH), problem);
        } else if (original != null && original.system() && renamed) {
            errors.add("name", "validation_collection_system_name_change", "System collection name cannot be changed.");
        } else if (!c.system() && name.startsWith("_") && renamed) {
            errors.add("name", "validation_collection_name_invalid",
                    "Only system collections can have a name starting with \"_\".");
        } else if (others.stream().anyMatch(o -> o.name().equalsIgnoreCase(name))) {
            errors.add("name", "validation_collection_name_exists", "Collection name must be unique (case insensitive).");
        } else if (others.stream().anyMatch(o -> o.id().equals(name))) {
            errors.add("name", "validation_collection_name_id_duplicate",
                    "The name must not match an existing collection id.");
        } else if (renamed && lookup.relations(name).stream()
                .anyMatch(r -> original == null || !r.name().equalsIgnoreCase(original.name()))) {
            errors.add("name", "validation_collection_name_invalid",
                    "The name shouldn't match with an existing internal table.");
        }
    }

    /** Compiles every rule against the candidate's own fields so no broken rule is ever stored. */
    private static void checkRuleSyntax(Collection c, List<Collection> others, ValidationErrors errors) {
        if (!errors.isEmpty()) {
            return;
        }
        List<Collection> all = new ArrayList<>(others);
        all.add(c);
        TableSchema schema = CollectionSchemas.of(c, CollectionSchemas.finder(all));
        TableCatalog catalog = CollectionSchemas.catalog(all);
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("listRule", c.listRule());
        rules.put("viewRule", c.viewRule());
        rules.put("createRule", c.createRule());
        rules.put("updateRule", c.updateRule());
        rules.put("deleteRule", c.deleteRule());
        rules.forEach((key, rule) -> {
            if (rule == null || rule.isBlank()) {
                return;
            }
            try {
                COMPILER.validate(rule, schema, true, catalog);
            } catch (QueryException e) {
                errors.add(key, "validation_invalid_rule", e.getMessage().replaceFirst("^Invalid filter", "Invalid rule"));
            }
        });
    }

    private static void checkRule(String key, String before, String after, ValidationErrors errors) {
        if (!Objects.equals(before, after)) {
            errors.add(key, "validation_collection_system_rule_change", "System collection API rule cannot be changed.");
        }
    }
}
