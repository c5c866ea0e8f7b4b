package dev.basalt.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.realtime.SseStream;
import dev.basalt.testing.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The records API as a table of scenarios, after PocketBase's {@code tests.ApiScenario}: method, URL, caller, body,
 * expected status, JSON fragments that must and must not appear, and the realtime events a superuser subscribed to
 * the collection receives. The rows run in order on one set of records: list, view, create, update and delete under
 * owner rules, for a guest, two users and a superuser.
 */
class RecordsApiScenariosTest extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PASSWORD = "Scenario-Password-123";
    private static final String OWNER = "owner = @request.auth.id";
    private static final String SENTINEL = "sentinel";

    /** Who sends the request. */
    private enum Who { GUEST, ANN, BOB, SUPERUSER }

    /**
     * One row. {@code {posts}}, {@code {ann}}, {@code {bob}}, {@code {annDraft}}, {@code {annSpare}} and
     * {@code {bobPost}} in the URL and body are replaced by the names and ids of the fixture.
     *
     * @param events the realtime actions the superuser's {@code posts/*} subscription receives, in order
     */
    private record Scenario(String name, String method, String url, Who caller, Map<String, Object> body, int status,
                            List<String> expected, List<String> notExpected, List<String> events) {
    }

    private static Scenario row(String name, String method, String url, Who caller, Map<String, Object> body,
                                int status, List<String> expected, List<String> notExpected, String... events) {
        return new Scenario(name, method, url, caller, body, status, expected, notExpected, List.of(events));
    }

    private static final String RECORDS = "/api/collections/{posts}/records";

    private static List<Scenario> scenarios() {
        return List.of(
                row("guest lists public posts only", "GET", RECORDS, Who.GUEST, null, 200,
                        List.of("\"totalItems\":1", "bob public"), List.of("ann draft", "\"secret\"")),
                row("ann lists hers and public ones", "GET", RECORDS + "?sort=title", Who.ANN, null, 200,
                        List.of("\"totalItems\":3", "ann draft", "ann spare", "bob public"), List.of("\"secret\"")),
                row("a superuser lists all, hidden fields too", "GET", RECORDS, Who.SUPERUSER, null, 200,
                        List.of("ann draft", "ann spare", "bob public", "\"secret\":\"s1\""), List.of()),
                row("guest cannot view a draft", "GET", RECORDS + "/{annDraft}", Who.GUEST, null, 404,
                        List.of("\"status\":404"), List.of("ann draft")),
                row("bob cannot view ann's draft", "GET", RECORDS + "/{annDraft}", Who.BOB, null, 404,
                        List.of(), List.of("ann draft")),
                row("ann views her draft without hidden fields", "GET", RECORDS + "/{annDraft}", Who.ANN, null, 200,
                        List.of("\"title\":\"ann draft\"", "\"owner\":\"{ann}\""), List.of("\"secret\"")),
                row("guest create fails the rule", "POST", RECORDS, Who.GUEST, Map.of("title", "x"), 400,
                        List.of("\"status\":400"), List.of()),
                row("ann cannot create for bob", "POST", RECORDS, Who.ANN,
                        Map.of("title", "forged", "owner", "{bob}"), 400, List.of(), List.of("forged")),
                row("ann creates her own", "POST", RECORDS, Who.ANN, Map.of("title", "ann new", "owner", "{ann}"),
                        200, List.of("\"title\":\"ann new\""), List.of("\"secret\""), "create"),
                row("invalid body is a 400 with field errors", "POST", RECORDS, Who.ANN,
                        Map.of("title", "x".repeat(6000), "owner", "{ann}"), 400, List.of("\"title\""), List.of()),
                row("bob cannot update ann's draft", "PATCH", RECORDS + "/{annDraft}", Who.BOB,
                        Map.of("title", "hijacked"), 404, List.of(), List.of("hijacked")),
                row("ann updates her draft", "PATCH", RECORDS + "/{annDraft}", Who.ANN, Map.of("title", "ann edited"),
                        200, List.of("\"title\":\"ann edited\""), List.of(), "update"),
                row("a guest cannot delete", "DELETE", RECORDS + "/{bobPost}", Who.GUEST, null, 404, List.of(),
                        List.of()),
                row("bob cannot delete ann's", "DELETE", RECORDS + "/{annSpare}", Who.BOB, null, 404, List.of(),
                        List.of()),
                row("ann deletes her spare", "DELETE", RECORDS + "/{annSpare}", Who.ANN, null, 204, List.of(),
                        List.of(), "delete"),
                row("a superuser deletes bob's", "DELETE", RECORDS + "/{bobPost}", Who.SUPERUSER, null, 204,
                        List.of(), List.of(), "delete"),
                row("gone records are 404 to everyone", "GET", RECORDS + "/{bobPost}", Who.SUPERUSER, null, 404,
                        List.of(), List.of()));
    }

    @TestFactory
    Stream<DynamicTest> recordsApi() {
        String suffix = Long.toString(System.nanoTime(), 36);
        String users = "scn_users_" + suffix;
        Response u = post("/api/collections", Map.of("name", users, "type", "auth", "listRule", "", "viewRule", ""),
                superuser());
        assertThat(u.status()).as(u.body()).isEqualTo(200);
        String posts = "scn_posts_" + suffix;
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("name", posts);
        definition.put("fields", List.of(Map.of("name", "title", "type", "text", "max", 100),
                Map.of("name", "secret", "type", "text", "hidden", true),
                Map.of("name", "owner", "type", "relation", "collectionId", u.get("id").asString(), "maxSelect", 1)));
        definition.put("listRule", "title = 'bob public' || " + OWNER);
        definition.put("viewRule", "title = 'bob public' || " + OWNER);
        definition.put("createRule", "@request.auth.id != '' && " + OWNER);
        definition.put("updateRule", OWNER);
        definition.put("deleteRule", OWNER);
        Response p = post("/api/collections", definition, superuser());
        assertThat(p.status()).as(p.body()).isEqualTo(200);

        Map<String, String> names = new LinkedHashMap<>();
        names.put("posts", posts);
        Map<Who, String> tokens = new LinkedHashMap<>();
        tokens.put(Who.SUPERUSER, superuser());
        for (Who who : List.of(Who.ANN, Who.BOB)) {
            String email = who.name().toLowerCase() + "@" + suffix + ".example.com";
            String id = seed(users, Map.of("email", email, "password", PASSWORD, "passwordConfirm", PASSWORD,
                    "verified", true));
            names.put(who.name().toLowerCase(), id);
            tokens.put(who, post("/api/collections/" + users + "/auth-with-password",
                    Map.of("identity", email, "password", PASSWORD), null).get("token").asString());
        }
        names.put("annDraft", seed(posts, Map.of("title", "ann draft", "secret", "s1", "owner", names.get("ann"))));
        names.put("annSpare", seed(posts, Map.of("title", "ann spare", "owner", names.get("ann"))));
        names.put("bobPost", seed(posts, Map.of("title", "bob public", "owner", names.get("bob"))));
        Function<String, String> fill = text -> {
            String out = text;
            for (Map.Entry<String, String> e : names.entrySet()) {
                out = out.replace("{" + e.getKey() + "}", e.getValue());
            }
            return out;
        };
        return scenarios().stream().map(s -> DynamicTest.dynamicTest(s.name(),
                () -> run(s, fill, tokens, posts, names.get("bob"))));
    }

    private void run(Scenario s, Function<String, String> fill, Map<Who, String> tokens, String posts,
                     String sentinelOwner) throws Exception {
        try (SseStream stream = new SseStream(baseUrl())) {
            Response sub = post("/api/realtime", Map.of("clientId", stream.clientId,
                    "subscriptions", List.of(posts + "/*")), superuser());
            assertThat(sub.status()).as(sub.body()).isEqualTo(204);

            Map<String, Object> body = null;
            if (s.body() != null) {
                body = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : s.body().entrySet()) {
                    body.put(e.getKey(), e.getValue() instanceof String v ? fill.apply(v) : e.getValue());
                }
            }
            Response r = send(s.method(), fill.apply(s.url()), body, tokens.get(s.caller()));
            assertThat(r.status()).as(s.name() + ": " + r.body()).isEqualTo(s.status());
            for (String fragment : s.expected()) {
                assertThat(r.body()).as(s.name()).contains(fill.apply(fragment));
            }
            for (String fragment : s.notExpected()) {
                assertThat(r.body() == null ? "" : r.body()).as(s.name()).doesNotContain(fill.apply(fragment));
            }
            assertThat(events(stream, posts, sentinelOwner)).as(s.name() + ": realtime events").isEqualTo(s.events());
        }
    }

    /**
     * The actions received before a sentinel record written after the request: events are delivered in write
     * order, so everything the scenario caused has arrived by then, without waiting for a silence. Sentinels
     * belong to bob, whose list no scenario reads.
     */
    private List<String> events(SseStream stream, String posts, String owner) throws InterruptedException {
        String sentinel = seed(posts, Map.of("title", SENTINEL, "owner", owner));
        List<String> actions = new ArrayList<>();
        for (SseStream.Event e = stream.next(WAIT); e != null && !e.ended(); e = stream.next(WAIT)) {
            if (e.data().at("/record/id").asString().equals(sentinel)) {
                return actions;
            }
            actions.add(e.data().get("action").asString());
        }
        throw new AssertionError("the sentinel's event never arrived; got " + actions);
    }

    private String seed(String collection, Map<String, Object> values) {
        Response r = post("/api/collections/" + collection + "/records", values, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.get("id").asString();
    }
}
