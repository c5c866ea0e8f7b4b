package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PocketBase's request rate limits on every route: labels by tag, {@code *:} wildcards, paths and path prefixes,
 * method prefixes, audience, excluded IPs, superusers, batch sub-requests. Each test sends from its own loopback
 * address, so the counters of one test never touch another's.
 */
class RequestRateLimitApiTest extends AuthFixtures {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    @Autowired
    private DSLContext dsl;

    @AfterEach
    void reset() {
        resetRateLimits();
    }

    @Test
    void collectionTagLabelsLimitThatActionOfThatCollectionOnly() throws Exception {
        String posts = createPosts();
        String other = createPosts();
        enable(List.of(rule(posts + ":create", 2, 60, "")), List.of());
        String ip = "127.0.1.1";
        assertThat(send(ip, "POST", records(posts), "{}", null).statusCode()).isEqualTo(200);
        assertThat(send(ip, "POST", records(posts), "{}", null).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = send(ip, "POST", records(posts), "{}", null);
        assertThat(limited.statusCode()).isEqualTo(429);
        JsonNode body = JSON.readTree(limited.body());
        assertThat(body.get("status").asInt()).isEqualTo(429);
        assertThat(body.get("message").asString()).isEqualTo("Too Many Requests.");
        assertThat(body.get("data").isEmpty()).isTrue();
        assertThat(send("127.0.1.2", "POST", records(posts), "{}", null).statusCode()).as("another IP").isEqualTo(200);
        assertThat(send(ip, "GET", records(posts), null, null).statusCode()).as("another action").isEqualTo(200);
        assertThat(send(ip, "POST", records(other), "{}", null).statusCode()).as("another collection").isEqualTo(200);
    }

    @Test
    void wildcardLabelsCountEachCollectionSeparately() throws Exception {
        String a = createPosts();
        String b = createPosts();
        enable(List.of(rule("*:list", 1, 60, "")), List.of());
        String ip = "127.0.1.3";
        assertThat(send(ip, "GET", records(a), null, null).statusCode()).isEqualTo(200);
        assertThat(send(ip, "GET", records(a), null, null).statusCode()).isEqualTo(429);
        assertThat(send(ip, "GET", records(b), null, null).statusCode()).isEqualTo(200);
        assertThat(send(ip, "GET", records(b), null, null).statusCode()).isEqualTo(429);
    }

    @Test
    void pathAndPrefixLabelsCountAllTheirPathsTogether() throws Exception {
        String posts = createPosts();
        enable(List.of(rule("GET /api/health", 1, 60, ""), rule("/api/", 3, 60, "")), List.of());
        String ip = "127.0.1.4";
        assertThat(send(ip, "GET", "/api/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send(ip, "GET", "/api/health", null, null).statusCode()).as("method and path").isEqualTo(429);
        assertThat(send(ip, "HEAD", "/api/health", null, null).statusCode()).as("prefix").isEqualTo(200);
        assertThat(send(ip, "GET", "/api/settings", null, null).statusCode()).isNotEqualTo(429);
        assertThat(send(ip, "GET", "/api/settings", null, null).statusCode()).isNotEqualTo(429);
        assertThat(send(ip, "HEAD", "/api/health", null, null).statusCode()).as("one prefix counter").isEqualTo(429);
        // As in PocketBase, a collection route counts for itself even under a path rule.
        for (int i = 0; i < 3; i++) {
            assertThat(send(ip, "GET", records(posts), null, null).statusCode()).isEqualTo(200);
        }
        assertThat(send(ip, "GET", records(posts), null, null).statusCode()).isEqualTo(429);
        assertThat(send(ip, "POST", records(posts), "{}", null).statusCode()).isEqualTo(200);
    }

    @Test
    void audienceSplitsGuestsFromAuthenticatedRequests() throws Exception {
        String users = createUsers(Map.of());
        signUp(users, "audience@example.com");
        String token = signIn(users, "audience@example.com", PASSWORD).json().get("token").asString();
        enable(List.of(rule("*:list", 1, 60, "@guest"), rule("*:list", 2, 60, "@auth")), List.of());
        String ip = "127.0.1.5";
        assertThat(send(ip, "GET", records(users), null, null).statusCode()).isEqualTo(200);
        assertThat(send(ip, "GET", records(users), null, null).statusCode()).isEqualTo(429);
        assertThat(send(ip, "GET", records(users), null, token).statusCode()).isEqualTo(200);
        assertThat(send(ip, "GET", records(users), null, token).statusCode()).isEqualTo(200);
        assertThat(send(ip, "GET", records(users), null, token).statusCode()).isEqualTo(429);
    }

    @Test
    void excludedIpsAndSuperusersAreNeverLimited() throws Exception {
        enable(List.of(rule("/api/health", 1, 60, "")), List.of("10.0.0.0/8", "127.0.1.6", "127.0.2.0/24"));
        for (String ip : List.of("127.0.1.6", "127.0.2.9")) {
            for (int i = 0; i < 3; i++) {
                assertThat(send(ip, "GET", "/api/health", null, null).statusCode()).as(ip).isEqualTo(200);
            }
        }
        String ip = "127.0.1.7";
        assertThat(send(ip, "GET", "/api/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send(ip, "GET", "/api/health", null, null).statusCode()).isEqualTo(429);
        assertThat(send(ip, "GET", "/api/health", null, superuser()).statusCode()).as("superuser").isEqualTo(200);
    }

    @Test
    void theMostSpecificLabelWins() throws Exception {
        String posts = createPosts();
        enable(List.of(rule("/api/", 100, 60, ""), rule("POST /api/", 50, 60, ""), rule(posts + ":list", 1, 60, ""),
                rule("*:list", 10, 60, ""), rule("/api/health", 1, 60, "")), List.of());
        String ip = "127.0.1.8";
        assertThat(send(ip, "GET", records(posts), null, null).statusCode()).isEqualTo(200);
        assertThat(send(ip, "GET", records(posts), null, null).statusCode()).as("posts:list over *:list")
                .isEqualTo(429);
        assertThat(send(ip, "GET", "/api/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send(ip, "GET", "/api/health", null, null).statusCode()).as("path over prefix").isEqualTo(429);
        assertThat(send(ip, "POST", records(posts), "{}", null).statusCode()).as("other actions: prefixes")
                .isEqualTo(200);
    }

    @Test
    void batchIsCountedOnceAndEachSubRequestUnderItsOwnLabels() throws Exception {
        String posts = createPosts();
        enable(List.of(rule("/api/batch", 2, 60, ""), rule(posts + ":create", 2, 60, "")), List.of());
        String ip = "127.0.1.10";
        String create = "{\"method\":\"POST\",\"url\":\"" + records(posts) + "\",\"body\":{}}";
        HttpResponse<String> failed = send(ip, "POST", "/api/batch",
                "{\"requests\":[" + create + "," + create + "," + create + "]}", null);
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(400);
        assertThat(JSON.readTree(failed.body()).get("data").get("requests").get("2").get("response").get("status")
                .asInt()).isEqualTo(429);
        assertThat(send(ip, "POST", records(posts), "{}", null).statusCode()).as("same counter as the API")
                .isEqualTo(429);
        assertThat(send(ip, "POST", "/api/batch", "{\"requests\":[]}", null).statusCode()).isNotEqualTo(429);
        assertThat(send(ip, "POST", "/api/batch", "{\"requests\":[]}", null).statusCode()).as("the batch itself")
                .isEqualTo(429);
    }

    @Test
    void renamingACollectionRenamesItsLabels() throws Exception {
        String posts = createPosts();
        String renamed = posts + "_new";
        enable(List.of(rule(posts + ":list", 1, 60, ""), rule("*:create", 9, 60, "")), List.of());
        Response r = patch("/api/collections/" + posts, Map.of("name", renamed), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode rules = get("/api/settings", superuser()).json().get("rateLimits").get("rules");
        assertThat(rules.get(0).get("label").asString()).isEqualTo(renamed + ":list");
        assertThat(rules.get(1).get("label").asString()).isEqualTo("*:create");
        String ip = "127.0.1.11";
        assertThat(send(ip, "GET", records(renamed), null, null).statusCode()).isEqualTo(200);
        assertThat(send(ip, "GET", records(renamed), null, null).statusCode()).isEqualTo(429);

        // a rename through an import is a rename too
        String imported = posts + "_imp";
        tools.jackson.databind.node.ObjectNode definition = (tools.jackson.databind.node.ObjectNode)
                get("/api/collections/" + renamed, superuser()).json();
        definition.put("name", imported);
        Response i = put("/api/collections/import", Map.of("collections", List.of(definition)), superuser());
        assertThat(i.status()).as(i.body()).isEqualTo(204);
        assertThat(get("/api/settings", superuser()).json().get("rateLimits").get("rules").get(0).get("label")
                .asString()).isEqualTo(imported + ":list");
    }

    @Test
    void offByDefaultWithPocketBasesFourRules() throws Exception {
        Table<?> params = DSL.table(DSL.name("_params"));
        Field<String> key = DSL.field(DSL.name("key"), String.class);
        Field<JSONB> value = DSL.field(DSL.name("value"), JSONB.class);
        JSONB saved = dsl.select(value).from(params).where(key.eq("settings")).fetchOne(value);
        dsl.deleteFrom(params).where(key.eq("settings")).execute();
        try {
            JsonNode limits = get("/api/settings", superuser()).json().get("rateLimits");
            assertThat(limits.get("enabled").asBoolean()).isFalse();
            assertThat(limits.get("excludedIPs").isArray()).isTrue();
            assertThat(limits.get("excludedIPs").isEmpty()).isTrue();
            List<String> rules = new java.util.ArrayList<>();
            limits.get("rules").forEach(r -> rules.add(r.get("label").asString() + " " + r.get("maxRequests").asInt()
                    + "/" + r.get("duration").asInt() + " '" + r.get("audience").asString() + "'"));
            assertThat(rules).containsExactly("*:auth 2/3 ''", "*:create 20/5 ''", "/api/batch 3/1 ''",
                    "/api/ 300/10 ''");
        } finally {
            if (saved != null) {
                dsl.insertInto(params).set(key, "settings").set(value, saved).onConflict(key).doUpdate()
                        .set(value, saved).execute();
            }
        }
        String posts = createPosts();
        for (int i = 0; i < 25; i++) {
            assertThat(send("127.0.1.9", "POST", records(posts), "{}", null).statusCode()).as("off").isEqualTo(200);
        }
    }

    @Test
    void invalidSettingsAreRefusedWithPocketBasesErrors() {
        Response r = patch("/api/settings", Map.of("rateLimits", Map.of("enabled", true, "rules", List.of(
                rule("bad label!", 1, 1, ""), rule("posts:list", 0, -1, "@nobody"), rule("/api/", 1, 1, ""),
                rule("/api/", 2, 2, "@guest")), "excludedIPs", List.of("127.0.0.1", "nope", "", "10.0.0.0/33"))),
                superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode data = r.json().get("data");
        assertThat(code(data, "rateLimits.rules.0.label")).isEqualTo("validation_match_invalid");
        assertThat(code(data, "rateLimits.rules.1.maxRequests")).isEqualTo("validation_required");
        assertThat(code(data, "rateLimits.rules.1.duration")).isEqualTo("validation_min_greater_equal_than_required");
        assertThat(code(data, "rateLimits.rules.1.audience")).isEqualTo("validation_in_invalid");
        assertThat(code(data, "rateLimits.rules.3.label")).isEqualTo("validation_conflicting_rate_limit_rule");
        assertThat(data.has("rateLimits.excludedIPs.0")).isFalse();
        assertThat(code(data, "rateLimits.excludedIPs.1")).isEqualTo("validation_invlaid_ip_or_subnet");
        assertThat(code(data, "rateLimits.excludedIPs.2")).isEqualTo("validation_required");
        assertThat(code(data, "rateLimits.excludedIPs.3")).isEqualTo("validation_invlaid_ip_or_subnet");

        Response empty = patch("/api/settings", Map.of("rateLimits", Map.of("enabled", true, "rules", List.of())),
                superuser());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(code(empty.json().get("data"), "rateLimits.rules")).isEqualTo("validation_required");
        assertThat(get("/api/settings", superuser()).json().get("rateLimits").get("enabled").asBoolean())
                .as("nothing saved").isFalse();
    }

    private static String code(JsonNode data, String key) {
        return data.has(key) ? data.get(key).get("code").asString() : "(none: " + data + ")";
    }

    private void enable(List<Map<String, Object>> rules, List<String> excludedIPs) {
        Response r = patch("/api/settings", Map.of("rateLimits", Map.of("enabled", true, "rules", rules,
                "excludedIPs", excludedIPs)), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** A base collection anyone may list, view and create in. */
    private String createPosts() {
        String name = "posts_rl_" + COUNTER.incrementAndGet() + "_" + System.nanoTime() % 100_000;
        Response r = post("/api/collections", Map.of("name", name, "type", "base",
                "fields", List.of(Map.of("name", "title", "type", "text")),
                "listRule", "", "viewRule", "", "createRule", ""), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return name;
    }

    private static String records(String collection) {
        return "/api/collections/" + collection + "/records";
    }

    /** Sends from {@code localAddress} (a loopback address: each test has its own client IP). */
    HttpResponse<String> send(String localAddress, String method, String path, String body, String token)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(localAddress)).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
