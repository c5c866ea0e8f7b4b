package dev.basalt.collections.internal;

import java.util.List;

/** What the validator needs to know about the database beyond {@code _collections}: the names in use. */
interface SchemaLookup {

    /** A table, index, view or other relation of the current schema. */
    record Relation(String name, boolean index, String table) {
    }

    /** The relations whose name equals this one case-insensitively. */
    List<Relation> relations(String name);

    /** A lookup that knows no relations (for validation without a database). */
    SchemaLookup NONE = name -> List.of();
}
