package dev.basalt.collections.internal;

import static dev.basalt.collections.internal.SchemaTestSupport.badRequest;
import static dev.basalt.collections.internal.SchemaTestSupport.draft;
import static dev.basalt.collections.internal.SchemaTestSupport.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionDraft;
import dev.basalt.collections.fields.TextField;
import dev.basalt.shared.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Tag("db")
class CollectionImportTest {
    private SchemaTestSupport db;

    @BeforeEach
    void setUp() {
        db = new SchemaTestSupport();
        db.service.ensureSystemCollection(new Collection("pbc_sys", "_system_things", "base", true,
                List.of(TextField.idField()), List.of(), null, null, null, null, null, null, null));
        db.service.create(draft("name", "posts", "fields", List.of(
                field("name", "title", "type", "text"), field("name", "body", "type", "text"))));
        db.service.create(draft("name", "notes", "fields", List.of(field("name", "text", "type", "text"))));
        db.insert("posts", Map.of("id", "p1", "title", "hello", "body", "world"));
    }

    @Test
    void importCreatesNewAndUpdatesExistingKeepingFieldsNotGiven() {
        db.service.importCollections(List.of(
                draft("name", "posts", "fields", List.of(field("name", "title", "type", "text", "max", 50),
                        field("name", "views", "type", "number"))),
                draft("id", "pbc_tags", "name", "tags", "fields", List.of(field("name", "label", "type", "text")))),
                false);

        Collection posts = db.registry.find("posts").orElseThrow();
        assertThat(posts.fields()).extracting(f -> f.name())
                .containsExactly("id", "title", "views", "body", "created", "updated");
        assertThat(db.columns("posts")).containsKeys("title", "views", "body");
        assertThat(db.column("posts", "title")).containsExactly("hello");
        assertThat(db.registry.find("pbc_tags")).map(Collection::name).contains("tags");
        assertThat(db.tableExists("tags")).isTrue();
        assertThat(db.tableExists("notes")).isTrue();
    }

    @Test
    void deleteMissingDropsCollectionsAndFieldsNotGivenButKeepsSystemOnes() {
        String titleId = db.registry.find("posts").orElseThrow().field("title").orElseThrow().id();
        db.service.importCollections(List.of(
                draft("name", "posts", "fields", List.of(field("id", titleId, "name", "headline", "type", "text")))),
                true);

        assertThat(db.tableExists("notes")).isFalse();
        assertThat(db.registry.find("notes")).isEmpty();
        assertThat(db.tableExists("_system_things")).isTrue();
        assertThat(db.columns("posts")).containsOnlyKeys("id", "headline");
        assertThat(db.column("posts", "headline")).containsExactly("hello");
        assertThat(db.registry.all()).extracting(Collection::name).containsExactlyInAnyOrder("_system_things", "posts");
    }

    @Test
    void aFailingImportChangesNothing() {
        Map<String, String> postsColumns = db.columns("posts");

        ApiException e = badRequest(() -> db.service.importCollections(List.of(
                draft("name", "fresh", "fields", List.of(field("name", "a", "type", "text"))),
                draft("name", "posts", "fields", List.of(field("name", "more", "type", "bool"))),
                draft("name", "bad name")), true));

        assertThat(e.getMessage()).isEqualTo("Failed to import the submitted collections.");
        assertThat(e.data()).containsKeys("collections", "collections.2.name");
        assertThat(e.data().get("collections").code()).isEqualTo("validation_collections_import_failure");
        assertThat(db.tableExists("fresh")).isFalse();
        assertThat(db.tableExists("notes")).isTrue();
        assertThat(db.columns("posts")).isEqualTo(postsColumns);
        assertThat(db.registry.all()).extracting(Collection::name)
                .containsExactlyInAnyOrder("_system_things", "posts", "notes");
    }

    @Test
    void anEmptyImportIsRefused() {
        assertThat(badRequest(() -> db.service.importCollections(List.<CollectionDraft>of(), true)).data())
                .containsKey("collections");
        assertThat(db.tableExists("posts")).isTrue();
    }
}
