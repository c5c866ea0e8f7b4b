package dev.basalt.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.shared.ApiException;
import dev.basalt.testing.ApiTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Java hook API over real HTTP: model hooks changing and refusing writes inside the write path (the API and the
 * batch endpoint alike), after-success hooks seeing only committed writes, the error hooks, request hooks answering by
 * themselves, collection filters, priorities and unbinding, custom routes with path values and requireAuth; the
 * record request hooks on batch sub-requests (their method, path, query and headers, a hook's own answer);
 * {@code routerUse} middlewares around the built-in routes (passing, refusing, answering).
 */
class JavaHooksApiTest extends ApiTest {
    @Autowired
    private Hooks hooks;
    private final List<Runnable> cleanup = new ArrayList<>();
    private String posts;

    @BeforeEach
    void collection() {
        posts = "jh" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", posts);
        for (String rule : List.of("listRule", "viewRule", "createRule", "updateRule", "deleteRule")) {
            c.put(rule, "");
        }
        c.put("fields", List.of(Map.of("name", "title", "type", "text", "required", true),
                Map.of("name", "slug", "type", "text"), Map.of("name", "views", "type", "number")));
        assertThat(post("/api/collections", c, superuser()).status()).isEqualTo(200);
    }

    @AfterEach
    void unbind() {
        cleanup.forEach(Runnable::run);
    }

    private <E extends HookEvent> void bound(Hook<E> hook, HookHandler<E> handler, String... tags) {
        String id = hook.bind(handler, tags);
        cleanup.add(() -> hook.unbind(id));
    }

    @Test
    void modelHookChangesTheWriteAndRefusesBadOnesOnEveryPath() {
        bound(hooks.onRecordCreate(), e -> {
            String title = String.valueOf(e.record().get("title"));
            if (title.contains("spam")) {
                throw ApiException.badRequest("No spam.");
            }
            e.record().put("slug", title.toLowerCase().replace(' ', '-'));
            e.next();
        }, posts);
        var created = post("/api/collections/" + posts + "/records", Map.of("title", "Hello World"), null);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.get("slug").asString()).isEqualTo("hello-world");
        var refused = post("/api/collections/" + posts + "/records", Map.of("title", "buy spam"), null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("message").asString()).isEqualTo("No spam.");
        var batch = post("/api/batch", Map.of("requests", List.of(Map.of("method", "POST",
                "url", "/api/collections/" + posts + "/records", "body", Map.of("title", "From Batch")))), superuser());
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(batch.json().get(0).get("body").get("slug").asString()).isEqualTo("from-batch");
        var list = get("/api/collections/" + posts + "/records?filter=title~'spam'", null);
        assertThat(list.get("totalItems").asInt()).isZero();
    }

    @Test
    void afterSuccessRunsAfterCommitAndErrorHooksOnFailure() {
        List<String> seen = new CopyOnWriteArrayList<>();
        bound(hooks.onRecordAfterCreateSuccess(), e -> {
            seen.add("success:" + e.record().get("title"));
            e.next();
        }, posts);
        bound(hooks.onRecordAfterCreateError(), e -> {
            seen.add("error:" + e.record().get("title"));
            e.next();
        }, posts);
        bound(hooks.onRecordCreate(), e -> {
            if ("fail".equals(e.record().get("title"))) {
                throw new IllegalStateException("refused");
            }
            e.next();
        }, posts);
        assertThat(post("/api/collections/" + posts + "/records", Map.of("title", "ok"), null).status()).isEqualTo(200);
        assertThat(post("/api/collections/" + posts + "/records", Map.of("title", "fail"), null).status())
                .isGreaterThanOrEqualTo(400);
        // a batch rolled back by its second request: the first write's after-success never runs
        var batch = post("/api/batch", Map.of("requests", List.of(
                Map.of("method", "POST", "url", "/api/collections/" + posts + "/records", "body", Map.of("title", "rolled")),
                Map.of("method", "POST", "url", "/api/collections/" + posts + "/records", "body", Map.of("title", "")))),
                superuser());
        assertThat(batch.status()).isEqualTo(400);
        assertThat(seen).containsExactly("success:ok", "error:fail", "error:rolled");
    }

    @Test
    void batchSubRequestsPassTheRecordRequestHooks() {
        List<String> seen = new CopyOnWriteArrayList<>();
        bound(hooks.onRecordCreateRequest(), e -> {
            seen.add("create " + e.request().getMethod() + " " + e.request().getRequestURI() + " "
                    + e.request().getParameter("fields") + " " + e.request().getHeader("X-Sub"));
            if ("answer".equals(e.body().get("title"))) {
                e.json(202, Map.of("answered", true));
                return;
            }
            e.body().put("slug", "set-by-request-hook");
            e.next();
        }, posts);
        bound(hooks.onRecordUpdateRequest(), e -> {
            seen.add("update " + e.recordId() + " " + e.record().get("title"));
            e.next();
        }, posts);
        bound(hooks.onRecordDeleteRequest(), e -> {
            seen.add("delete " + e.recordId());
            e.next();
        }, posts);
        String url = "/api/collections/" + posts + "/records";
        var created = post("/api/batch", Map.of("requests", List.of(
                Map.of("method", "POST", "url", url + "?fields=id,slug", "headers", Map.of("X-Sub", "one"),
                        "body", Map.of("title", "first")),
                Map.of("method", "POST", "url", url, "body", Map.of("title", "answer")))), superuser());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get(0).get("body").get("slug").asString()).isEqualTo("set-by-request-hook");
        assertThat(created.json().get(1).get("status").asInt()).isEqualTo(202);
        assertThat(created.json().get(1).get("body").get("answered").asBoolean()).isTrue();
        String id = created.json().get(0).get("body").get("id").asString();
        var changed = post("/api/batch", Map.of("requests", List.of(
                Map.of("method", "PATCH", "url", url + "/" + id, "body", Map.of("title", "second")),
                Map.of("method", "DELETE", "url", url + "/" + id))), superuser());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(seen).containsExactly("create POST " + url + " id,slug one", "create POST " + url + " null null",
                "update " + id + " first", "delete " + id);
        // the answered sub-request wrote nothing
        assertThat(get(url + "?filter=title='answer'", null).get("totalItems").asInt()).isZero();
    }

    @Test
    void routerUseMiddlewaresWrapTheBuiltInRoutes() {
        String url = "/api/collections/" + posts + "/records";
        List<String> seen = new CopyOnWriteArrayList<>();
        bound(hooks.routerUse(), e -> {
            if (!e.request().getRequestURI().startsWith(url)) {
                e.next();
                return;
            }
            seen.add(e.request().getMethod() + " " + e.request().getRequestURI());
            if (e.request().getParameter("block") != null) {
                throw ApiException.forbidden("Blocked by a middleware.");
            }
            if (e.request().getParameter("answer") != null) {
                e.json(200, Map.of("from", "middleware"));
                return;
            }
            e.next();
        });
        assertThat(post(url, Map.of("title", "through"), null).status()).isEqualTo(200);
        var list = get(url, null);
        assertThat(list.get("totalItems").asInt()).isEqualTo(1);
        var blocked = get(url + "?block=1", null);
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.get("message").asString()).isEqualTo("Blocked by a middleware.");
        assertThat(get(url + "?answer=1", null).get("from").asString()).isEqualTo("middleware");
        assertThat(get("/api/health", null).status()).isEqualTo(200);
        assertThat(seen).containsExactly("POST " + url, "GET " + url, "GET " + url, "GET " + url);
    }

    @Test
    void requestHooksFilterByCollectionRunByPriorityAndUnbind() {
        List<String> order = new CopyOnWriteArrayList<>();
        bound(hooks.onRecordsListRequest(), e -> {
            order.add("other");
            e.next();
        }, "someOtherCollection");
        hooks.onRecordsListRequest().bind("second", 10, Set.of(posts), e -> {
            order.add("second");
            e.json(418, Map.of("answeredBy", "hook"));
        });
        cleanup.add(() -> hooks.onRecordsListRequest().unbind("second"));
        bound(hooks.onRecordsListRequest(), e -> {
            order.add("first");
            e.next();
        }, posts);
        var r = get("/api/collections/" + posts + "/records", null);
        assertThat(r.status()).isEqualTo(418);
        assertThat(r.get("answeredBy").asString()).isEqualTo("hook");
        assertThat(order).containsExactly("first", "second");
        assertThat(hooks.onRecordsListRequest().unbind("second")).isTrue();
        assertThat(get("/api/collections/" + posts + "/records", null).status()).isEqualTo(200);
    }

    @Test
    void customRoutesWithPathValuesAndMiddlewares() {
        String base = "/api/" + posts;
        hooks.routerAdd("GET", base + "/hello/{name}", e -> e.json(200, Map.of("message", "Hello " + e.pathValue("name"))));
        hooks.routerAdd("POST", base + "/me", e -> e.json(200, Map.of("id", e.auth().id())),
                Middlewares.requireAuth());
        cleanup.add(() -> hooks.routerRemove("GET", base + "/hello/{name}"));
        cleanup.add(() -> hooks.routerRemove("POST", base + "/me"));
        var hello = get(base + "/hello/ada", null);
        assertThat(hello.status()).isEqualTo(200);
        assertThat(hello.get("message").asString()).isEqualTo("Hello ada");
        var anonymous = post(base + "/me", Map.of(), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.get("message").asString()).contains("authorization token");
        var me = post(base + "/me", Map.of(), superuser());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.get("id").asString()).isNotEmpty();
    }
}
