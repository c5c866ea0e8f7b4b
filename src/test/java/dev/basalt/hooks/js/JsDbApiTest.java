package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code $app.db()} over HTTP: a hook file in a temporary hooks directory with custom routes running their own SQL
 * against a real server ({@code newQuery + bind + all} into {@code DynamicModel}s, a transaction undone through
 * {@code txApp.db()}, bad SQL, a bound value that looks like SQL), the {@code $dbx} finders and {@code settings()}.
 */
class JsDbApiTest extends ApiTest {
    private static final String HOOKS = """
            routerAdd("GET", "/jsdb/totals/{min}", (e) => {
              const rows = arrayOf(new DynamicModel({ status: "", total: 0, views: 0, tags: [], meta: {}, ok: false,
                note: nullString() }));
              $app.db().newQuery("SELECT status, count(*) AS total, sum(views) AS views, '[\\"a\\"]'::jsonb AS tags, "
                  + "'{\\"k\\": 1}' AS meta, true AS ok, NULL AS note FROM jsdb_posts WHERE views >= {:min} "
                  + "GROUP BY status ORDER BY status")
                .bind({ min: Number(e.request.pathValue("min")) }).all(rows);
              return e.json(200, rows);
            });
            routerAdd("GET", "/jsdb/title/{title}", (e) => {
              const rows = arrayOf(new DynamicModel({ id: "", title: "" }));
              $app.db().newQuery("SELECT id, title FROM {{jsdb_posts}} WHERE [[title]] = {:title}")
                .bind({ title: e.request.pathValue("title") }).all(rows);
              const one = new DynamicModel({ n: 0 });
              $app.db().newQuery("SELECT count(*) AS n FROM jsdb_posts").one(one);
              return e.json(200, { rows, count: one.n });
            });
            routerAdd("POST", "/jsdb/tx", (e) => {
              let inside = -1;
              try {
                $app.runInTransaction((txApp) => {
                  txApp.db().newQuery("UPDATE jsdb_posts SET views = views + 1000").execute();
                  const m = new DynamicModel({ v: 0 });
                  txApp.db().newQuery("SELECT max(views) AS v FROM jsdb_posts").one(m);
                  inside = m.v;
                  throw new Error("undo");
                });
              } catch (err) { /* rolled back */ }
              let caught = "";
              $app.runInTransaction((txApp) => {
                try { txApp.db().newQuery("SELECT * FROM missing_table").execute(); } catch (err) { caught = err.message; }
                txApp.db().newQuery("UPDATE jsdb_posts SET status = 'kept' WHERE title = {:t}").bind({ t: "tx" }).execute();
              });
              return e.json(200, { inside, caught });
            });
            routerAdd("GET", "/jsdb/bad", (e) => {
              $app.db().newQuery("SELEC nonsense FROM jsdb_posts").all(arrayOf(new DynamicModel({ a: "" })));
              return e.json(200, {});
            });
            routerAdd("GET", "/jsdb/caught", (e) => {
              try {
                $app.db().newQuery("SELECT nope FROM jsdb_posts").execute();
              } catch (err) { return e.json(200, { message: err.message }); }
              return e.json(500, {});
            });
            routerAdd("GET", "/jsdb/finders", (e) => {
              const active = arrayOf(new Record());
              $app.recordQuery("jsdb_posts").andWhere($dbx.hashExp({ status: "active" })).orderBy("views DESC").limit(2)
                .all(active);
              const byExp = $app.findAllRecords("jsdb_posts", $dbx.exp("views > {:v}", { v: 15 }),
                $dbx.not($dbx.in("status", "draft")));
              const liked = $app.countRecords("jsdb_posts", $dbx.like("title", "50%"));
              const ids = $app.findRecordsByIds("jsdb_posts", [active[0].id, "nope"]);
              const first = $app.findFirstRecordByData("jsdb_posts", "title", "second");
              let missing = "";
              try { $app.findFirstRecordByData("jsdb_posts", "title", "no such"); } catch (err) { missing = err.message; }
              const s = $app.settings();
              const admin = $app.findAuthRecordByEmail("_superusers", " ADMIN@example.com ");
              let notAuth = "";
              try { $app.findAuthRecordByEmail("jsdb_posts", "a@b.c"); } catch (err) { notAuth = err.message; }
              const titles = arrayOf("");
              $app.db().newQuery("SELECT title FROM jsdb_posts WHERE views >= {:v} ORDER BY views").bind({ v: 20 }).column(titles);
              return e.json(200, {
                active: active.map((r) => r.getString("title")), byExp: byExp.map((r) => r.get("title")),
                liked, all: $app.countRecords("jsdb_posts"), ids: ids.map((r) => r.id), first: first.getInt("views"),
                missing, appName: s.meta.appName, smtp: s.smtp.enabled, password: s.smtp.password === undefined,
                recent: $app.countRecords("jsdb_posts", $dbx.exp("created > {:since}", { since: "2000-01-01 00:00:00.000Z" }),
                  $dbx.between("views", 10, 20)),
                admin: admin.email(), notAuth, titles,
                unique: $app.isCollectionNameUnique("JSDB_POSTS"), free: $app.isCollectionNameUnique("jsdb_posts2"),
              });
            });
            """;

    private static boolean created;

    @DynamicPropertySource
    static void hooks(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("jsdb-hooks");
            Files.writeString(dir.resolve("db.pb.js"), HOOKS);
            registry.add("basalt.hooks-dir", dir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void posts() {
        if (created) {
            return;
        }
        created = true;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "jsdb_posts");
        c.put("fields", List.of(Map.of("name", "title", "type", "text"), Map.of("name", "status", "type", "text"),
                Map.of("name", "views", "type", "number"),
                Map.of("name", "created", "type", "autodate", "onCreate", true)));
        Response r = post("/api/collections", c, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        record Post(String title, String status, int views) {
        }
        for (Post p : List.of(new Post("first", "active", 10), new Post("second", "active", 20),
                new Post("third", "draft", 30), new Post("50% off", "active", 40), new Post("tx", "new", 1),
                new Post("x' OR '1'='1", "draft", 5))) {
            Response saved = post("/api/collections/jsdb_posts/records", Map.of("title", p.title(), "status", p.status(),
                    "views", p.views()), superuser());
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        }
    }

    @Test
    void newQueryBindAllFillsDynamicModelsByTheirShape() {
        Response r = get("/jsdb/totals/10", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().size()).isEqualTo(2);
        JsonNode active = r.json().get(0);
        assertThat(active.get("status").asString()).isEqualTo("active");
        assertThat(active.get("total").asInt()).isEqualTo(3);
        assertThat(active.get("views").asInt()).isEqualTo(70);
        assertThat(active.get("tags").get(0).asString()).isEqualTo("a");
        assertThat(active.get("meta").get("k").asInt()).isEqualTo(1);
        assertThat(active.get("ok").asBoolean()).isTrue();
        assertThat(active.get("note").isNull()).isTrue();
        assertThat(r.json().get(1).get("status").asString()).isEqualTo("draft");
    }

    @Test
    void aBoundValueThatLooksLikeSqlStaysAValue() {
        Response injected = get("/jsdb/title/x'%20OR%20'1'='1", null);
        assertThat(injected.status()).as(injected.body()).isEqualTo(200);
        assertThat(injected.get("rows").size()).isEqualTo(1); // only the post with that very title
        assertThat(injected.get("rows").get(0).get("title").asString()).isEqualTo("x' OR '1'='1");
        assertThat(injected.get("count").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(get("/jsdb/title/nothing'%20OR%20true--", null).get("rows").size()).isZero();
    }

    @Test
    void aTransactionIsUndoneThroughTxAppDbAndAFailedStatementOnlyUndoesItself() {
        Response r = post("/jsdb/tx", Map.of(), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.get("inside").asInt()).isGreaterThanOrEqualTo(1030); // the update was seen inside
        assertThat(r.get("caught").asString()).contains("missing_table").doesNotContain("SELECT");
        Response posts = get("/api/collections/jsdb_posts/records?perPage=100", superuser());
        for (JsonNode p : posts.get("items")) {
            assertThat(p.get("views").asInt()).as("rolled back").isLessThan(1000);
            if (p.get("title").asString().equals("tx")) {
                assertThat(p.get("status").asString()).isEqualTo("kept"); // committed after the caught error
            }
        }
    }

    @Test
    void badSqlIsAClear400AndTheServerKeepsWorking() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // more than the connection pool holds: a failure must not leak one
            Response bad = get("/jsdb/bad", null);
            statuses.add(bad.status());
            assertThat(bad.body()).doesNotContain("SELEC").doesNotContain("Exception");
        }
        assertThat(statuses).containsOnly(400);
        Response caught = get("/jsdb/caught", null);
        assertThat(caught.get("message").asString()).startsWith("db: ").contains("nope")
                .doesNotContain("SELECT").doesNotContain("FROM");
        assertThat(get("/jsdb/totals/0", null).status()).isEqualTo(200);
    }

    @Test
    void dbxFindersRecordQueryAndSettings() {
        Response r = get("/jsdb/finders", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.get("active").toString()).isEqualTo("[\"50% off\",\"second\"]");
        assertThat(r.get("byExp").toString()).contains("second", "50% off").doesNotContain("third");
        assertThat(r.get("liked").asInt()).isEqualTo(1); // the % of the value matched literally
        assertThat(r.get("all").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(r.get("ids").size()).isEqualTo(1);
        assertThat(r.get("first").asInt()).isEqualTo(20);
        assertThat(r.get("missing").asString()).isEqualTo("sql: no rows in result set");
        assertThat(r.get("appName").asString()).isNotEmpty();
        assertThat(r.get("smtp").asBoolean()).isFalse();
        assertThat(r.get("password").asBoolean()).isTrue();
        assertThat(r.get("recent").asInt()).isEqualTo(2); // a date as text compared with a date column
        assertThat(r.get("admin").asString()).isEqualTo(SUPERUSER_EMAIL);
        assertThat(r.get("notAuth").asString()).contains("not an auth collection");
        assertThat(r.get("titles").toString()).isEqualTo("[\"second\",\"third\",\"50% off\"]");
        assertThat(r.get("unique").asBoolean()).isFalse();
        assertThat(r.get("free").asBoolean()).isTrue();
    }
}
