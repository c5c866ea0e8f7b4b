package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basalt.testing.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * PocketBase-style JS migrations ({@code src/test/resources/jsmigrations}: one creates a collection and seeds a
 * record, the next changes its rule and fields and the record) applied by a real server at start, then checked over
 * HTTP; a second run applies nothing, and a failing file rolls back everything it did.
 */
@TestPropertySource(properties = "basalt.migrations-dir=src/test/resources/jsmigrations")
class JsMigrationsApiTest extends ApiTest {
    @Autowired
    private JsHooks hooks;

    @Test
    void migrationsRanAtStartInOrder() {
        Response collection = get("/api/collections/jsmig_notes", superuser());
        assertThat(collection.status()).as(collection.body()).isEqualTo(200);
        assertThat(collection.get("id").asString()).isEqualTo("pbc_jsmignotes01");
        assertThat(collection.get("viewRule").asString()).isEmpty();
        List<String> names = new ArrayList<>();
        collection.get("fields").forEach(f -> names.add(f.get("name").asString()));
        assertThat(names).containsSubsequence("id", "done", "title").doesNotContain("rank");
        assertThat(collection.get("indexes").get(0).asString()).contains("idx_jsmig_title");

        Response records = get("/api/collections/jsmig_notes/records", null); // listRule "" is public
        assertThat(records.get("totalItems").asInt()).isEqualTo(1);
        JsonNode note = records.get("items").get(0);
        assertThat(note.get("title").asString()).isEqualTo("seeded");
        assertThat(note.get("done").asBoolean()).isTrue();
        assertThat(note.has("rank")).isFalse();
        assertThat(hooks.migrations().history()).contains("1733500000_created_jsmig_notes.js",
                "1733500100_updated_jsmig_notes.js");
    }

    @Test
    void appliedFilesDoNotRunAgain() {
        assertThat(hooks.migrate(Path.of("src/test/resources/jsmigrations"))).isEmpty();
        assertThat(get("/api/collections/jsmig_notes/records", null).get("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void aFailingFileRollsBackAndNamesItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("1_ok.js"), """
                migrate((app) => { app.save(new Collection({ name: "jsmig_ok", listRule: "",
                    fields: [new TextField({ name: "title" })] })); });
                """);
        Files.writeString(dir.resolve("2_broken.js"), """
                migrate((app) => {
                    app.save(new Collection({ name: "jsmig_broken", fields: [new TextField({ name: "title" })] }));
                    app.save(new Record(app.findCollectionByNameOrId("jsmig_broken"), { title: "lost" }));
                    throw new Error("no way");
                });
                """);
        assertThatThrownBy(() -> hooks.migrate(dir)).isInstanceOf(HookFileException.class)
                .hasMessageStartingWith("JS migration 2_broken.js:4").hasMessageContaining("no way");
        assertThat(get("/api/collections/jsmig_ok", superuser()).status()).isEqualTo(200);
        assertThat(get("/api/collections/jsmig_broken", superuser()).status()).isEqualTo(404);
        assertThat(post("/api/collections/jsmig_broken/records", java.util.Map.of("title", "x"), superuser())
                .status()).isEqualTo(404);
        assertThat(hooks.migrations().history()).contains("1_ok.js").doesNotContain("2_broken.js");

        Files.writeString(dir.resolve("2_broken.js"), "migrate((app) => { app.save(new Collection({ "
                + "name: 'jsmig_broken', fields: [{ name: 'title', type: 'text' }] })); });");
        assertThat(hooks.migrate(dir)).containsExactly("2_broken.js");
        assertThat(get("/api/collections/jsmig_broken", superuser()).status()).isEqualTo(200);
    }

    @Test
    void aFileWithoutMigrateIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("3_empty.js"), "const x = 1;");
        assertThatThrownBy(() -> hooks.migrate(dir)).isInstanceOf(HookFileException.class)
                .hasMessage("JS migration 3_empty.js: it does not call migrate(up, down)");
    }
}
