package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The collection (model and request) and record model hook families of {@code families.pb.js} against a running
 * server: they fire, change the write, skip it or refuse it; and the Java API's collection and model hooks.
 */
class CollectionModelHooksApiTest extends ServerHooksTest {
    @Test
    void collectionHooksChangeSkipAndRefuseWrites() {
        collection("hkaudit");
        Response created = post("/api/collections", Map.of("name", "hkcol1", "fields",
                List.of(Map.of("name", "title", "type", "text"))), superuser());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.get("listRule").asString()).isEqualTo("@request.auth.id != ''");
        assertThat(get("/api/collections/hkaudit/records?filter=title~'created%20hkcol1'", superuser())
                .get("items").get(0).get("title").asString()).isEqualTo("created hkcol1 @request.auth.id != ''");

        assertThat(post("/api/collections", Map.of("name", "hkskipped"), superuser()).status()).isEqualTo(204);
        assertThat(get("/api/collections/hkskipped", superuser()).status()).isEqualTo(404);

        Response broken = post("/api/collections", Map.of("name", "hkbroken", "fields",
                List.of(Map.of("name", "x", "type", "no-such-type"))), superuser());
        assertThat(broken.status()).isEqualTo(400);
        assertThat(get("/api/collections/hkaudit/records?filter=title~'failed%20hkbroken'", superuser())
                .get("totalItems").asInt()).isEqualTo(1);

        Response locked = patch("/api/collections/hkcol1", Map.of("viewRule", "locked"), superuser());
        assertThat(locked.status()).isEqualTo(400);
        assertThat(locked.get("message").asString()).isEqualTo("Locked collection.");
        assertThat(patch("/api/collections/hkcol1", Map.of("viewRule", ""), superuser()).status()).isEqualTo(200);

        collection("hkkeep");
        assertThat(delete("/api/collections/hkkeep", superuser()).status()).isEqualTo(204);
        Response kept = get("/api/collections/hkkeep", superuser());
        assertThat(kept.status()).as("the delete hook kept it; the view hook hides it").isEqualTo(403);
        assertThat(kept.get("message").asString()).isEqualTo("Hidden hkkeep");
    }

    @Test
    void collectionRequestHooks() {
        Response created = post("/api/collections", Map.of("name", "hkcol2"), superuser());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.get("viewRule").asString()).isEqualTo("id != ''");
        assertThat(get("/api/collections?hkblock=1", superuser()).status()).isEqualTo(418);
        assertThat(get("/api/collections?filter=name='hkcol2'", superuser()).get("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void javaCollectionHooks() {
        collection("hkjava");
        List<String> seen = new ArrayList<>();
        String id = hooks.onCollectionAfterDeleteSuccess().bind(e -> seen.add(e.stored().name()), "hkjava");
        String update = hooks.onCollectionUpdate().bind(e -> {
            e.collection().put("listRule", "id = 'java'");
            e.next();
        }, "hkjava");
        try {
            Response patched = patch("/api/collections/hkjava", Map.of("viewRule", ""), superuser());
            assertThat(patched.get("listRule").asString()).isEqualTo("id = 'java'");
            assertThat(delete("/api/collections/hkjava", superuser()).status()).isEqualTo(204);
        } finally {
            hooks.onCollectionAfterDeleteSuccess().unbind(id);
            hooks.onCollectionUpdate().unbind(update);
        }
        assertThat(seen).containsExactly("hkjava");
    }

    @Test
    void modelHooksRunInsideRecordHooksChangeAndStopWrites() {
        collection("hkaudit");
        collection("hkmodels");
        Response created = post("/api/collections/hkmodels/records", Map.of("title", "post"), superuser());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.get("title").asString()).as("record hooks first, then model hooks")
                .isEqualTo("post (record) (model)");
        assertThat(get("/api/collections/hkaudit/records?filter=title~'model%20created'", superuser())
                .get("items").get(0).get("title").asString()).isEqualTo("model created post (record) (model)");

        Response refused = post("/api/collections/hkmodels/records", Map.of("title", "refused"), superuser());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.get("message").asString()).isEqualTo("The model hook refused it.");

        String kept = post("/api/collections/hkmodels/records", Map.of("title", "keep"), superuser()).get("id")
                .asString();
        delete("/api/collections/hkmodels/records/" + kept, superuser());
        assertThat(get("/api/collections/hkmodels/records/" + kept, superuser()).status()).isEqualTo(200);

        List<String> seen = new ArrayList<>();
        String id = hooks.onModelUpdate().bind(e -> {
            e.record().put("title", "java");
            e.next();
            seen.add(e.id());
        }, "hkmodels");
        try {
            Response updated = patch("/api/collections/hkmodels/records/" + kept, Map.of("title", "x"), superuser());
            assertThat(updated.get("title").asString()).isEqualTo("java");
        } finally {
            hooks.onModelUpdate().unbind(id);
        }
        assertThat(seen).containsExactly(kept);
    }
}
