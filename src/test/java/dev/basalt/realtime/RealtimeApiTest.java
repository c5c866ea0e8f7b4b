package dev.basalt.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The realtime API over HTTP: the stream, subscriptions, record events and access on every event. */
class RealtimeApiTest extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Response subscribe(SseStream s, String token, String... subscriptions) {
        return post("/api/realtime", Map.of("clientId", s.clientId, "subscriptions", List.of(subscriptions)), token);
    }

    private String collection(String name, Map<String, Object> rules) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "fields", List.of(
                Map.of("name", "title", "type", "text"), Map.of("name", "public", "type", "bool"),
                Map.of("name", "owner", "type", "text"), Map.of("name", "meta", "type", "json"),
                Map.of("name", "secret", "type", "text", "hidden", true))));
        body.putAll(rules);
        Response r = post("/api/collections", body, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.get("id").asString();
    }

    private String create(String collection, Map<String, Object> record) {
        Response r = post("/api/collections/" + collection + "/records", record, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.get("id").asString();
    }

    private static String withOptions(String topic, String optionsJson) {
        return topic + "?options=" + URLEncoder.encode(optionsJson, StandardCharsets.UTF_8);
    }

    @Test
    void aStreamOwnsItsConnectionAndIsForgottenWhenTheClientCloses() throws Exception {
        String clientId;
        try (SseStream s = new SseStream(baseUrl())) {
            assertThat(s.response.statusCode()).isEqualTo(200);
            // the body ends with the connection (the stream left Tomcat's HTTP processor), so no chunked framing
            assertThat(s.response.headers().firstValue("Connection")).hasValue("close");
            assertThat(s.response.headers().firstValue("Transfer-Encoding")).isEmpty();
            assertThat(s.response.headers().firstValue("Cache-Control")).hasValue("no-store");
            clientId = s.clientId;
            assertThat(post("/api/realtime", Map.of("clientId", clientId, "subscriptions", List.of("x/*")), null)
                    .status()).isEqualTo(204);
        }
        // the server learns of the disconnect from the socket, not from a failed write: the client is dropped
        long deadline = System.nanoTime() + WAIT.toNanos();
        int status = 204;
        while (status != 404 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = post("/api/realtime", Map.of("clientId", clientId, "subscriptions", List.of()), null).status();
        }
        assertThat(status).as("a closed stream's client id is unknown").isEqualTo(404);
    }

    @Test
    void connectSendsPbConnectAndSubscriptionsAreValidated() throws Exception {
        try (SseStream s = new SseStream(baseUrl())) {
            assertThat(s.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            assertThat(s.clientId).hasSize(40);
            assertThat(subscribe(s, null, "x/*").status()).isEqualTo(204);
        }
        Response missing = post("/api/realtime", Map.of("subscriptions", List.of()), null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/data/clientId/code").asString()).isEqualTo("validation_required");
        assertThat(post("/api/realtime", Map.of("clientId", "nope"), null).status()).isEqualTo(404);
        assertThat(post("/api/realtime", "{bad", null).status()).isEqualTo(400);
        try (SseStream s = new SseStream(baseUrl())) {
            Response tooLong = subscribe(s, null, "a".repeat(2501));
            assertThat(tooLong.json().at("/data/subscriptions/code").asString()).isEqualTo("validation_length_too_long");
        }
    }

    @Test
    void recordEventsFollowTheListRuleAndTheSubscriptionFilter() throws Exception {
        String id = collection("rt_posts", Map.of("listRule", "public = true", "viewRule", "public = true"));
        try (SseStream anon = new SseStream(baseUrl()); SseStream admin = new SseStream(baseUrl());
             SseStream filtered = new SseStream(baseUrl())) {
            assertThat(subscribe(anon, null, "rt_posts/*").status()).isEqualTo(204);
            assertThat(subscribe(admin, superuser(), id + "/*").status()).isEqualTo(204);
            String withFilter = withOptions("rt_posts/*", "{\"query\":{\"filter\":\"title ~ 'keep'\",\"fields\":\"id,title\"}}");
            assertThat(subscribe(filtered, null, withFilter).status()).isEqualTo(204);

            String hidden = create("rt_posts", Map.of("title", "private", "public", false, "secret", "s"));
            SseStream.Event adminSaw = admin.next(WAIT);
            assertThat(adminSaw.name()).isEqualTo(id + "/*");
            assertThat(adminSaw.id()).isEqualTo(admin.clientId);
            assertThat(adminSaw.data().get("action").asString()).isEqualTo("create");
            assertThat(adminSaw.data().at("/record/id").asString()).isEqualTo(hidden);
            assertThat(adminSaw.data().at("/record/secret").asString()).isEqualTo("s");

            String shown = create("rt_posts", Map.of("title", "keep me", "public", true, "secret", "t"));
            SseStream.Event anonSaw = anon.next(WAIT);
            assertThat(anonSaw.data().at("/record/id").asString()).as("the private record never arrives")
                    .isEqualTo(shown);
            assertThat(anonSaw.data().get("record").has("secret")).isFalse();
            SseStream.Event filteredSaw = filtered.next(WAIT);
            assertThat(filteredSaw.name()).isEqualTo(withFilter);
            assertThat(filteredSaw.data().get("record").properties()).hasSize(2);
            assertThat(admin.next(WAIT).data().at("/record/id").asString()).isEqualTo(shown);

            patch("/api/collections/rt_posts/records/" + shown, Map.of("public", false), superuser());
            assertThat(admin.next(WAIT).data().get("action").asString()).isEqualTo("update");
            assertThat(anon.quiet()).as("no longer public: not sent").isNull();

            delete("/api/collections/rt_posts/records/" + hidden, superuser());
            assertThat(admin.next(WAIT).data().get("action").asString()).isEqualTo("delete");
            String gone = create("rt_posts", Map.of("title", "keep gone", "public", true));
            assertThat(anon.next(WAIT).data().at("/record/id").asString()).isEqualTo(gone);
            delete("/api/collections/rt_posts/records/" + gone, superuser());
            SseStream.Event deleted = anon.next(WAIT);
            assertThat(deleted.data().get("action").asString()).isEqualTo("delete");
            assertThat(deleted.data().at("/record/title").asString()).isEqualTo("keep gone");
            assertThat(anon.quiet()).as("nothing twice").isNull();
        }
    }

    @Test
    void rulesReadTheSubscriptionsQueryAndHeadersAsPocketBase() throws Exception {
        collection("rt_keyed", Map.of("listRule", "@request.query.key = 'k1' && @request.headers.x_team = 'red'"));
        try (SseStream right = new SseStream(baseUrl()); SseStream wrongHeader = new SseStream(baseUrl());
             SseStream none = new SseStream(baseUrl())) {
            String keyed = "{\"query\":{\"key\":\"k1\"},\"headers\":{\"X-Team\":\"red\"}}";
            assertThat(subscribe(right, null, withOptions("rt_keyed/*", keyed)).status()).isEqualTo(204);
            String other = "{\"query\":{\"key\":\"k1\"},\"headers\":{\"X-Team\":\"blue\"}}";
            assertThat(subscribe(wrongHeader, null, withOptions("rt_keyed/*", other)).status()).isEqualTo(204);
            assertThat(subscribe(none, null, "rt_keyed/*").status()).isEqualTo(204);
            String id = create("rt_keyed", Map.of("title", "t"));
            assertThat(right.next(WAIT).data().at("/record/id").asString()).isEqualTo(id);
            assertThat(wrongHeader.quiet()).isNull();
            assertThat(none.quiet()).isNull();
        }
    }

    @Test
    void expandedRecordsViewRulesReadTheSubscriptionsQuery() throws Exception {
        String tags = collection("rt_tags", Map.of("viewRule", "@request.query.key = 'k1'"));
        Response posts = post("/api/collections", Map.of("name", "rt_tagged", "listRule", "", "fields", List.of(
                Map.of("name", "tag", "type", "relation", "collectionId", tags, "maxSelect", 1))), superuser());
        assertThat(posts.status()).as(posts.body()).isEqualTo(200);
        String tag = create("rt_tags", Map.of("title", "red"));
        try (SseStream keyed = new SseStream(baseUrl()); SseStream plain = new SseStream(baseUrl())) {
            subscribe(keyed, null, withOptions("rt_tagged/*", "{\"query\":{\"expand\":\"tag\",\"key\":\"k1\"}}"));
            subscribe(plain, null, withOptions("rt_tagged/*", "{\"query\":{\"expand\":\"tag\"}}"));
            create("rt_tagged", Map.of("tag", tag));
            assertThat(keyed.next(WAIT).data().at("/record/expand/tag/title").asString()).isEqualTo("red");
            assertThat(plain.next(WAIT).data().at("/record/expand/tag").isMissingNode()).isTrue();
        }
    }

    @Test
    void singleRecordTopicsNeedTheViewRuleAndJsonRulesAreCheckedInSql() throws Exception {
        collection("rt_json", Map.of("listRule", "meta ~ 'vip'", "viewRule", ""));
        String a = create("rt_json", Map.of("title", "a", "meta", Map.of("tier", "vip")));
        String b = create("rt_json", Map.of("title", "b", "meta", Map.of("tier", "basic")));
        try (SseStream all = new SseStream(baseUrl()); SseStream one = new SseStream(baseUrl())) {
            subscribe(all, null, "rt_json/*");
            subscribe(one, null, "rt_json/" + b);
            patch("/api/collections/rt_json/records/" + b, Map.of("title", "b2"), superuser());
            patch("/api/collections/rt_json/records/" + a, Map.of("title", "a2"), superuser());
            SseStream.Event single = one.next(WAIT);
            assertThat(single.name()).isEqualTo("rt_json/" + b);
            assertThat(single.data().at("/record/title").asString()).isEqualTo("b2");
            SseStream.Event listed = all.next(WAIT);
            assertThat(listed.data().at("/record/id").asString()).as("basic tier is not listed").isEqualTo(a);
            assertThat(one.quiet()).isNull();
        }
    }

    @Test
    void ownersSeeOnlyTheirRecordsAndARevokedTokenEndsTheStream() throws Exception {
        Response users = post("/api/collections", Map.of("name", "rt_users", "type", "auth", "fields", List.of()),
                superuser());
        assertThat(users.status()).as(users.body()).isEqualTo(200);
        String alice = create("rt_users", Map.of("email", "alice@example.com", "password", "alice-pass-123",
                "passwordConfirm", "alice-pass-123"));
        create("rt_users", Map.of("email", "bob@example.com", "password", "bob-pass-1234",
                "passwordConfirm", "bob-pass-1234"));
        String aliceToken = post("/api/collections/rt_users/auth-with-password",
                Map.of("identity", "alice@example.com", "password", "alice-pass-123"), null).get("token").asString();
        String bobToken = post("/api/collections/rt_users/auth-with-password",
                Map.of("identity", "bob@example.com", "password", "bob-pass-1234"), null).get("token").asString();
        collection("rt_notes", Map.of("listRule", "owner = @request.auth.id"));
        try (SseStream a = new SseStream(baseUrl()); SseStream b = new SseStream(baseUrl())) {
            assertThat(subscribe(a, aliceToken, "rt_notes/*").status()).isEqualTo(204);
            assertThat(subscribe(b, bobToken, "rt_notes/*").status()).isEqualTo(204);
            assertThat(subscribe(a, bobToken, "rt_notes/*").status()).as("another user's token").isEqualTo(403);
            String note = create("rt_notes", Map.of("title", "alice's", "owner", alice));
            assertThat(a.next(WAIT).data().at("/record/id").asString()).isEqualTo(note);
            assertThat(b.quiet()).as("bob never receives alice's note").isNull();

            Response changed = patch("/api/collections/rt_users/records/" + alice, Map.of("password", "new-pass-1234",
                    "passwordConfirm", "new-pass-1234"), superuser());
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(a.next(WAIT).ended()).as("revoked token: stream closed").isTrue();
            create("rt_notes", Map.of("title", "alice's second", "owner", alice));
            assertThat(b.quiet()).isNull();
        }
    }
}
