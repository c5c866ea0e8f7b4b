package dev.basalt.collections.internal;

import static dev.basalt.collections.internal.SchemaTestSupport.draft;
import static dev.basalt.collections.internal.SchemaTestSupport.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Basalt's own {@code (created, id)} index follows the collection, and is never listed in its indexes. */
@org.junit.jupiter.api.Tag("db")
class OrderIndexTest {
    private static SchemaTestSupport db;

    @BeforeAll
    static void setUp() {
        db = new SchemaTestSupport();
    }

    @Test
    void followsRenamesIsRebuiltWhenMissingAndGoesWithCreated() {
        Collection c = db.service.create(draft("name", "ordered", "fields", List.of(field("name", "t", "type", "text"))));
        String index = "_basalt_order_" + c.id();
        assertThat(c.indexes()).isEmpty();
        assertThat(db.indexes("ordered")).containsKey(index);
        assertThat(db.indexes("ordered").get(index)).endsWith("(created NULLS FIRST, id)");

        db.service.update("ordered", draft("name", "ordered_renamed"));
        assertThat(db.indexes("ordered_renamed")).containsKey(index);

        // a table made before Basalt had this index gets it on its next schema change
        db.dsl.dropIndex(DSL.name(index)).execute();
        db.service.update("ordered_renamed", draft("listRule", ""));
        assertThat(db.indexes("ordered_renamed")).containsKey(index);

        Collection current = db.registry.find("ordered_renamed").orElseThrow();
        Field created = current.field("created").orElseThrow();
        Field t = current.field("t").orElseThrow();
        Field updated = current.field("updated").orElseThrow();
        Collection renamed = db.service.update("ordered_renamed", draft("fields", List.of(
                field("id", t.id(), "name", "t", "type", "text"),
                field("id", created.id(), "name", "made", "type", "autodate", "onCreate", true),
                field("id", updated.id(), "name", "updated", "type", "autodate", "onCreate", true, "onUpdate", true))));
        assertThat(renamed.field("made")).isPresent();
        assertThat(db.indexes("ordered_renamed")).doesNotContainKey(index);
    }

    @Test
    void viewsHaveNone() {
        db.service.create(draft("name", "viewed_source", "fields", List.of(field("name", "t", "type", "text"))));
        Collection view = db.service.create(draft("name", "viewed", "type", "view",
                "viewQuery", "SELECT id, t, created FROM viewed_source"));
        assertThat(OrderIndex.of(view)).isEmpty();
    }
}
