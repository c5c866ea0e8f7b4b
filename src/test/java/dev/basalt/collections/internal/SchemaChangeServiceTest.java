package dev.basalt.collections.internal;

import static dev.basalt.collections.internal.SchemaTestSupport.badRequest;
import static dev.basalt.collections.internal.SchemaTestSupport.draft;
import static dev.basalt.collections.internal.SchemaTestSupport.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basalt.collections.Collection;
import dev.basalt.collections.SystemRoles;
import dev.basalt.collections.fields.AutodateField;
import dev.basalt.collections.fields.SelectField;
import dev.basalt.collections.fields.TextField;
import dev.basalt.shared.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Tag("db")
class SchemaChangeServiceTest {
    private static SchemaTestSupport db;

    @BeforeAll
    static void setUp() {
        db = new SchemaTestSupport();
    }

    private static List<Map<String, Object>> allTypes() {
        return List.of(
                field("name", "title", "type", "text", "max", 100),
                field("name", "count", "type", "number", "onlyInt", true),
                field("name", "done", "type", "bool"),
                field("name", "mail", "type", "email"),
                field("name", "site", "type", "url"),
                field("name", "due", "type", "date"),
                field("name", "stamp", "type", "autodate", "onCreate", true),
                field("name", "status", "type", "select", "values", List.of("a", "b"), "maxSelect", 1),
                field("name", "tags", "type", "select", "values", List.of("x", "y", "z"), "maxSelect", 3),
                field("name", "data", "type", "json"),
                field("name", "secret", "type", "password"));
    }

    @Test
    void createMakesATableWithAColumnPerFieldType() {
        Collection c = db.service.create(draft("name", "every_type", "fields", allTypes(),
                "listRule", "", "indexes", List.of("CREATE INDEX idx_every_title ON whatever (title DESC)")));

        assertThat(c.id()).matches("pbc_\\d+");
        assertThat(c.fields().getFirst()).isEqualTo(TextField.idField());
        assertThat(c.fields()).extracting(f -> f.name()).containsExactly("id", "title", "count", "done", "mail",
                "site", "due", "stamp", "status", "tags", "data", "secret", "created", "updated");
        assertThat(c.fields().get(1).id()).matches("text\\d{10}");
        assertThat(c.listRule()).isEmpty();
        assertThat(c.viewRule()).isNull();
        assertThat(c.indexes()).containsExactly("CREATE INDEX `idx_every_title` ON `every_type` (`title` DESC)");
        assertThat(db.columns("every_type")).containsExactly(
                Map.entry("id", "text"), Map.entry("title", "text"), Map.entry("count", "float8"),
                Map.entry("done", "bool"), Map.entry("mail", "text"), Map.entry("site", "text"),
                Map.entry("due", "timestamptz"), Map.entry("stamp", "timestamptz"), Map.entry("status", "text"),
                Map.entry("tags", "_text"), Map.entry("data", "jsonb"), Map.entry("secret", "text"),
                Map.entry("created", "timestamptz"), Map.entry("updated", "timestamptz"));
        assertThat(db.indexes("every_type")).containsKeys("every_type_pkey", "idx_every_title");
        assertThat(db.indexes("every_type").get("idx_every_title")).contains("(title DESC NULLS LAST)");
        assertThat(db.registry.find("EVERY_TYPE")).contains(c);
        assertThat(db.registry.find(c.id())).contains(c);

        // defaults of the columns: a row with only an id gets the zero values
        db.insert("every_type", Map.of("id", "r1"));
        assertThat(db.column("every_type", "title")).containsExactly("");
        assertThat(db.column("every_type", "count")).containsExactly(0d);
        assertThat(db.column("every_type", "tags").getFirst()).isEqualTo(new String[0]);
    }

    @Test
    void renamingAFieldKeepsItsDataAndRemovingOneDropsItsColumn() {
        Collection c = db.service.create(draft("name", "rename_me", "fields", List.of(
                field("name", "a", "type", "text"), field("name", "b", "type", "number"))));
        db.insert("rename_me", Map.of("id", "r1", "a", "hello", "b", 5d));
        String aId = c.field("a").orElseThrow().id();

        Collection updated = db.service.update("rename_me", draft("fields", List.of(
                field("id", aId, "name", "title", "type", "text"))));

        assertThat(updated.fields()).extracting(f -> f.name()).containsExactly("id", "title");
        assertThat(updated.field("title").orElseThrow().id()).isEqualTo(aId);
        assertThat(db.columns("rename_me")).containsOnlyKeys("id", "title");
        assertThat(db.column("rename_me", "title")).containsExactly("hello");
    }

    @Test
    void fieldsWithoutIdAreMatchedByNameAndNamesCanBeSwapped() {
        Collection c = db.service.create(draft("name", "swap", "fields", List.of(
                field("name", "x", "type", "text"), field("name", "y", "type", "text"))));
        db.insert("swap", Map.of("id", "r1", "x", "one", "y", "two"));
        String xId = c.field("x").orElseThrow().id();
        String yId = c.field("y").orElseThrow().id();

        db.service.update("swap", draft("fields", List.of(
                field("id", xId, "name", "y", "type", "text"), field("id", yId, "name", "x", "type", "text"))));
        assertThat(db.column("swap", "y")).containsExactly("one");
        assertThat(db.column("swap", "x")).containsExactly("two");

        Collection again = db.service.update("swap", draft("fields", List.of(
                field("name", "x", "type", "text", "max", 10), field("name", "y", "type", "text"))));
        assertThat(again.field("x").orElseThrow().id()).isEqualTo(yId);
        assertThat(db.column("swap", "x")).containsExactly("two");
    }

    @Test
    void patchChangesOnlyTheGivenKeys() {
        db.service.create(draft("name", "patchy", "listRule", "", "fields", List.of(field("name", "t", "type", "text"))));
        Collection before = db.registry.find("patchy").orElseThrow();

        Collection after = db.service.update("patchy", draft("viewRule", "id != ''"));

        assertThat(after.listRule()).isEmpty();
        assertThat(after.viewRule()).isEqualTo("id != ''");
        assertThat(after.fields()).isEqualTo(before.fields());
        assertThat(after.created()).isEqualTo(before.created());
    }

    @Test
    void renamingACollectionRenamesItsTableAndIndexes() {
        db.service.create(draft("name", "old_name", "fields", List.of(field("name", "t", "type", "text")),
                "indexes", List.of("CREATE UNIQUE INDEX `idx_old_t` ON `old_name` (`t`)")));
        db.insert("old_name", Map.of("id", "r1", "t", "kept"));

        Collection renamed = db.service.update("old_name", draft("name", "new_name"));

        assertThat(db.tableExists("old_name")).isFalse();
        assertThat(db.column("new_name", "t")).containsExactly("kept");
        assertThat(renamed.indexes()).containsExactly("CREATE UNIQUE INDEX `idx_old_t` ON `new_name` (`t`)");
        assertThat(db.indexes("new_name")).containsKey("idx_old_t");
        assertThat(db.registry.find("old_name")).isEmpty();
    }

    @Test
    void invalidNamesAreRefusedUnderTheirKeys() {
        ApiException e = badRequest(() -> db.service.create(draft("name", "bad name!", "fields", List.of(
                field("name", "ok", "type", "text"), field("name", "no-dash", "type", "text"),
                field("name", "expand", "type", "text"), field("name", "OK", "type", "bool")))));
        assertThat(e.getMessage()).isEqualTo("Failed to create collection.");
        assertThat(e.data()).containsOnlyKeys("name", "fields.1.name", "fields.2.name", "fields.3.name");
        assertThat(e.data().get("name").code()).isEqualTo("validation_match_invalid");
        assertThat(e.data().get("fields.2.name").code()).isEqualTo("validation_reserved_field_name");
        assertThat(e.data().get("fields.3.name").code()).isEqualTo("validation_duplicated_field_name");

        assertThat(badRequest(() -> db.service.create(draft("name", "x".repeat(64)))).data()).containsKey("name");
        assertThat(badRequest(() -> db.service.create(draft("name", "_private"))).data().get("name").code())
                .isEqualTo("validation_collection_name_invalid");
        assertThat(badRequest(() -> db.service.create(draft("name", "a_via_b"))).data().get("name").code())
                .isEqualTo("validation_found_via");
        assertThat(badRequest(() -> db.service.create(draft("name", "_collections", "system", true))).data()
                .get("name").code()).isEqualTo("validation_collection_name_invalid");
        assertThat(badRequest(() -> db.service.create(draft("name", ""))).data().get("name").code())
                .isEqualTo("validation_required");
        for (String reserved : List.of("collectionId", "collectionName", "xmin", "ctid", "null")) {
            assertThat(badRequest(() -> db.service.create(draft("name", "r_" + reserved, "fields",
                    List.of(field("name", reserved, "type", "text"))))).data()).containsKey("fields.0.name");
        }
        assertThat(db.tableExists("r_xmin")).isFalse();
    }

    @Test
    void namesAreUniqueCaseInsensitively() {
        db.service.create(draft("name", "Unique_One"));
        ApiException e = badRequest(() -> db.service.create(draft("name", "unique_one")));
        assertThat(e.data().get("name").code()).isEqualTo("validation_collection_name_exists");
    }

    @Test
    void typeChangesAndIdFieldChangesAreRefused() {
        Collection c = db.service.create(draft("name", "typed", "fields", List.of(field("name", "n", "type", "number"))));
        String nId = c.field("n").orElseThrow().id();

        ApiException e = badRequest(() -> db.service.update("typed", draft("fields", List.of(
                field("id", nId, "name", "n", "type", "text")))));
        assertThat(e.data()).containsOnlyKeys("fields.0.type");
        assertThat(e.data().get("fields.0.type").code()).isEqualTo("validation_field_type_change");

        ApiException renamedId = badRequest(() -> db.service.update("typed", draft("fields", List.of(
                field("id", TextField.idField().id(), "name", "pk", "type", "text", "primaryKey", true)))));
        assertThat(renamedId.data()).containsKey("fields");

        ApiException typeChange = badRequest(() -> db.service.update("typed", draft("type", "auth")));
        assertThat(typeChange.data()).containsKey("type");
        assertThat(db.columns("typed")).containsEntry("n", "float8");

        // a patch without the id field keeps it
        Collection kept = db.service.update("typed", draft("fields", List.of(field("id", nId, "name", "n", "type", "number"))));
        assertThat(kept.field("id")).isPresent();
        assertThat(db.columns("typed")).containsOnlyKeys("id", "n");
    }

    @Test
    void selectFieldsConvertBetweenSingleAndMultiple() {
        Collection c = db.service.create(draft("name", "selects", "fields", List.of(
                field("name", "s", "type", "select", "values", List.of("a", "b", "c"), "maxSelect", 1))));
        db.insert("selects", Map.of("id", "r1", "s", "b"));
        db.insert("selects", Map.of("id", "r2", "s", ""));
        String sId = c.field("s").orElseThrow().id();

        db.service.update("selects", draft("fields", List.of(
                field("id", sId, "name", "s", "type", "select", "values", List.of("a", "b", "c"), "maxSelect", 2))));
        assertThat(db.columns("selects")).containsEntry("s", "_text");
        assertThat(db.column("selects", "s")).containsExactly(new String[] {"b"}, new String[0]);

        db.dsl.update(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("selects")))
                .set(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("s"), String[].class), new String[] {"a", "c"})
                .where(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("id")).eq("r1")).execute();
        Collection single = db.service.update("selects", draft("fields", List.of(
                field("id", sId, "name", "s", "type", "select", "values", List.of("a", "b", "c"), "maxSelect", 1))));
        assertThat(((SelectField) single.field("s").orElseThrow()).multiple()).isFalse();
        assertThat(db.columns("selects")).containsEntry("s", "text");
        assertThat(db.column("selects", "s")).containsExactly("c", "");
    }

    @Test
    void deleteDropsTheTable() {
        db.service.create(draft("name", "doomed", "fields", List.of(field("name", "t", "type", "text"))));
        db.insert("doomed", Map.of("id", "r1", "t", "x"));

        db.service.delete("DOOMED");
        assertThat(db.tableExists("doomed")).isFalse();
        assertThat(db.registry.find("doomed")).isEmpty();
        assertThatThrownBy(() -> db.service.delete("doomed")).isInstanceOf(ApiException.class)
                .extracting(ex -> ((ApiException) ex).status()).isEqualTo(404);
    }

    @Test
    void systemCollectionsAreEnsuredOnceAndProtected() {
        Collection definition = new Collection("pbc_3142635823", "_superusers", Collection.AUTH, true,
                List.of(TextField.idField(), AutodateField.created(), AutodateField.updated()), List.of(),
                null, null, null, null, null, null, null);

        db.service.ensureSystemCollection(SystemRoles.definition()); // every auth collection has roles
        Collection created = db.service.ensureSystemCollection(definition);
        assertThat(created.system()).isTrue();
        assertThat(created.fields()).extracting(f -> f.name()).containsExactly("id", "created", "updated", "password",
                "tokenKey", "email", "emailVisibility", "verified", "roles");
        assertThat(created.indexes()).hasSize(2);
        assertThat(db.columns("_superusers")).containsKeys("password", "tokenKey", "email", "verified");
        assertThat(db.service.ensureSystemCollection(definition)).isEqualTo(created);

        assertThat(badRequest(() -> db.service.delete("_superusers")).getMessage()).contains("System");
        assertThat(badRequest(() -> db.service.update("_superusers", draft("name", "_admins"))).data())
                .containsKey("name");
        assertThat(badRequest(() -> db.service.update("_superusers", draft("listRule", ""))).data())
                .containsKey("listRule");
        String passwordId = created.field("password").orElseThrow().id();
        assertThat(badRequest(() -> db.service.update("_superusers", draft("fields", List.of(
                field("id", passwordId, "name", "pass", "type", "password"))))).data()).containsKey("fields");
        assertThat(db.tableExists("_superusers")).isTrue();
    }

    @Test
    void fieldOptionsAreValidated() {
        ApiException e = badRequest(() -> db.service.create(draft("name", "options", "fields", List.of(
                field("name", "s", "type", "select", "values", List.of()),
                field("name", "p", "type", "password", "min", 10, "max", 5),
                field("name", "t", "type", "text", "pattern", "(unclosed"),
                field("name", "n", "type", "number", "min", 5, "max", 1)))));
        assertThat(e.data()).containsOnlyKeys("fields.0.values", "fields.1.min", "fields.2.pattern", "fields.3.max");

        ApiException unknown = badRequest(() -> db.service.create(draft("name", "options", "fields", List.of(
                field("name", "ok", "type", "text"), field("name", "r", "type", "vector")))));
        assertThat(unknown.data()).containsOnlyKeys("fields.1.type");
        assertThat(unknown.data().get("fields.1.type").message()).contains("vector");
        assertThat(db.tableExists("options")).isFalse();
    }
}
