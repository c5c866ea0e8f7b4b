package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code onCollectionsImportRequest}, {@code onBackupCreate} and {@code onBackupRestore} of {@code gaps.pb.js}
 * against a running server: the submitted collections changed or refused, a backup renamed or skipped, a restore
 * refused; and the same hooks of the Java API.
 */
class ImportBackupHooksApiTest extends GapHooksTest {
    @Test
    void importHookChangesOrRefusesTheCollections() {
        Map<String, Object> gapimport = Map.of("name", "gapimport", "type", "base", "fields",
                List.of(Map.of("name", "title", "type", "text")));
        Response imported = put("/api/collections/import", Map.of("collections", List.of(gapimport),
                "deleteMissing", false), superuser());
        assertThat(imported.status()).as(imported.body()).isEqualTo(204);
        Response stored = get("/api/collections/gapimport", superuser());
        assertThat(stored.get("listRule").asString()).isEqualTo("");

        Response refused = put("/api/collections/import", Map.of("collections", List.of(Map.of("name",
                "gapforbidden", "type", "base")), "deleteMissing", false), superuser());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("message").asString()).isEqualTo("Not that collection.");
        assertThat(get("/api/collections/gapforbidden", superuser()).status()).isEqualTo(404);

        List<Integer> seen = new ArrayList<>();
        String id = hooks.onCollectionsImportRequest().bind(e -> {
            seen.add(e.collectionsData().size());
            e.json(202, Map.of("skipped", true));
        });
        try {
            Response answered = put("/api/collections/import", Map.of("collections", List.of(gapimport)),
                    superuser());
            assertThat(answered.status()).isEqualTo(202);
        } finally {
            hooks.onCollectionsImportRequest().unbind(id);
        }
        assertThat(seen).containsExactly(1);
    }

    @Test
    void backupHooksRenameSkipAndRefuse() {
        Response made = post("/api/backups", Map.of("name", "gaphooked_one.zip"), superuser());
        assertThat(made.status()).as(made.body()).isEqualTo(204);
        try {
            List<String> names = new ArrayList<>();
            get("/api/backups", superuser()).json().forEach(b -> names.add(b.get("key").asString()));
            assertThat(names).contains("gaprenamed_one.zip").doesNotContain("gaphooked_one.zip");

            assertThat(post("/api/backups", Map.of("name", "gapskip_one.zip"), superuser()).status())
                    .isEqualTo(204);
            List<String> after = new ArrayList<>();
            get("/api/backups", superuser()).json().forEach(b -> after.add(b.get("key").asString()));
            assertThat(after).doesNotContain("gapskip_one.zip");

            Response refused = post("/api/backups/gapnorestore.zip/restore", null, superuser());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.get("message").asString()).isEqualTo("Restores are off for gapnorestore.zip.");
        } finally {
            delete("/api/backups/gaprenamed_one.zip", superuser());
        }
    }
}
