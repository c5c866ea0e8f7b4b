package dev.basalt.collections.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.IndexDefinition;
import dev.basalt.collections.fields.Field;
import dev.basalt.query.ColumnKind;
import dev.basalt.shared.ValidationErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses and checks a collection's index definitions: the grammar, known columns, literal types, and names
 * unique in the collection and in the whole database (PostgreSQL index names are global).
 */
final class IndexRules {
    private static final String INVALID = "validation_invalid_index_expression";

    private IndexRules() {
    }

    /** The parsed indexes, renamed onto the collection's table; errors go under {@code indexes.N}. */
    static List<IndexDefinition> check(Collection c, Collection original, SchemaLookup lookup,
                                       ValidationErrors errors) {
        List<IndexDefinition> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> shapes = new HashSet<>();
        for (int i = 0; i < c.indexes().size(); i++) {
            String key = "indexes." + i;
            IndexDefinition index;
            try {
                index = IndexDefinition.parse(c.indexes().get(i)).withTable(c.name());
            } catch (IllegalArgumentException e) {
                errors.add(key, INVALID, e.getMessage());
                continue;
            }
            String problem = problem(index, c);
            if (problem != null) {
                errors.add(key, INVALID, "Index " + index.name() + ": " + problem);
            } else if (!names.add(index.name().toLowerCase(Locale.ROOT))) {
                errors.add(key, "validation_duplicated_index_name", "The index name already exists.");
            } else if (!shapes.add(index.shape())) {
                errors.add(key, "validation_duplicated_index_definition", "The index definition already exists.");
            } else {
                String used = usedElsewhere(index.name(), original, lookup);
                if (used != null) {
                    errors.add(key, "validation_existing_index_name", used);
                }
            }
            out.add(index);
        }
        return out;
    }

    private static String problem(IndexDefinition index, Collection c) {
        if (!Identifiers.NAME.matcher(index.name()).matches()) {
            return "the name must contain only letters, digits and underscores.";
        }
        if (!index.nameFits()) {
            return "the name must be no more than " + IndexDefinition.MAX_NAME_BYTES + " bytes.";
        }
        if (index.name().equalsIgnoreCase(c.name())) {
            return "the name must differ from the collection name.";
        }
        for (IndexDefinition.Column col : index.columns()) {
            Field f = c.field(col.name()).orElse(null);
            if (f == null) {
                return "unknown column \"" + col.name() + "\".";
            }
            if (col.nocase() && f.kind() != ColumnKind.TEXT) {
                return "COLLATE NOCASE needs a text column, \"" + col.name() + "\" is not one.";
            }
        }
        for (IndexDefinition.Condition cond : index.where()) {
            Field f = c.field(cond.column()).orElse(null);
            if (f == null) {
                return "unknown column \"" + cond.column() + "\" in WHERE.";
            }
            if (cond.value() != null && !comparable(f.kind(), cond.value())) {
                return "the value compared with \"" + cond.column() + "\" does not match its type.";
            }
        }
        return null;
    }

    private static boolean comparable(ColumnKind kind, Object value) {
        return switch (kind) {
            case TEXT -> value instanceof String;
            case NUMBER -> value instanceof BigDecimal;
            case BOOL -> value instanceof Boolean;
            default -> false;
        };
    }

    private static String usedElsewhere(String indexName, Collection original, SchemaLookup lookup) {
        for (SchemaLookup.Relation r : lookup.relations(indexName)) {
            boolean ours = r.index() && original != null && r.table() != null
                    && r.table().equalsIgnoreCase(original.name());
            if (!ours) {
                return r.index() && r.table() != null
                        ? "The index name is already used in " + r.table() + " collection."
                        : "The index name is already used by the table " + r.name() + ".";
            }
        }
        return null;
    }
}
