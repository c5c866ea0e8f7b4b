package dev.basalt.apidocs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.testing.ApiTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document over HTTP: valid OpenAPI 3.1 (checked by swagger-parser), per caller (guest, user,
 * superuser), from each field's options, changed at once by a schema change, and naming exactly the admin routes
 * the server has.
 */
class OpenApiHttpTest extends ApiTest {
    private static final String DOC = "/api/docs/openapi.json";
    private static final String USERS = "docs_users";
    private static final String POSTS = "docs_posts";
    private static final String PRIVATE = "docs_private";

    @Autowired
    private CollectionRegistry registry;
    @Autowired
    private RouteIndex routes;

    private String userToken;

    @BeforeEach
    void collections() {
        if (registry.find(USERS).isEmpty()) {
            assertThat(post("/api/collections", Map.of("name", USERS, "type", "auth", "createRule", "",
                    "listRule", "id = @request.auth.id", "viewRule", "id = @request.auth.id",
                    "fields", List.of(Map.of("name", "nick", "type", "text"))), superuser()).status()).isEqualTo(200);
            assertThat(post("/api/collections", Map.of("name", POSTS, "type", "base",
                    "listRule", "", "viewRule", "", "createRule", "@request.auth.id != ''",
                    "fields", List.of(
                            Map.of("name", "title", "type", "text", "required", true, "min", 3, "max", 80,
                                    "pattern", "^[A-Za-z ]+$"),
                            Map.of("name", "views", "type", "number", "onlyInt", true, "min", 0, "max", 1000),
                            Map.of("name", "tags", "type", "select", "maxSelect", 2, "values", List.of("a", "b", "c")),
                            Map.of("name", "author", "type", "relation", "maxSelect", 1,
                                    "collectionId", registry.find(USERS).orElseThrow().id()),
                            Map.of("name", "secret", "type", "text", "hidden", true),
                            Map.of("name", "cover", "type", "file", "maxSelect", 1, "maxSize", 1000,
                                    "mimeTypes", List.of("image/png")),
                            Map.of("name", "created", "type", "autodate", "onCreate", true))),
                    superuser()).status()).isEqualTo(200);
            assertThat(post("/api/collections", Map.of("name", PRIVATE, "type", "base",
                    "fields", List.of(Map.of("name", "note", "type", "text"))), superuser()).status()).isEqualTo(200);
            assertThat(post("/api/collections/" + USERS + "/records", Map.of("email", "doc@example.com",
                    "password", "doc-Password-1", "passwordConfirm", "doc-Password-1"), null).status()).isEqualTo(200);
        }
        userToken = post("/api/collections/" + USERS + "/auth-with-password",
                Map.of("identity", "doc@example.com", "password", "doc-Password-1"), null).get("token").asString();
    }

    @Test
    void everyViewIsAValidOpenApi31Document() {
        for (String token : new String[] {null, userToken, superuser()}) {
            Response r = get(DOC, token);
            assertThat(r.status()).isEqualTo(200);
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body(), null, options);
            assertThat(parsed.getMessages()).isEmpty();
            assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
            assertThat(parsed.getOpenAPI().getPaths()).containsKey("/api/collections/" + POSTS + "/records");
        }
    }

    @Test
    void aGuestSeesOnlyWhatTheRulesCouldLetAGuestReach() {
        JsonNode paths = get(DOC, null).get("paths");
        JsonNode posts = paths.get("/api/collections/" + POSTS + "/records");
        assertThat(posts.has("get")).isTrue();
        assertThat(posts.has("post")).as("create needs @request.auth.id").isFalse();
        assertThat(paths.has("/api/collections/" + POSTS + "/records/{id}")).isTrue();
        assertThat(paths.has("/api/collections/" + PRIVATE + "/records")).as("null rules: superusers only").isFalse();
        JsonNode users = paths.get("/api/collections/" + USERS + "/records");
        assertThat(users.has("get")).as("the list rule names @request.auth").isFalse();
        assertThat(users.has("post")).as("sign-up: the create rule is empty").isTrue();
        assertThat(paths.has("/api/collections/" + USERS + "/records/{id}")).isFalse();
        assertThat(paths.has("/api/collections/" + USERS + "/auth-with-password")).isTrue();
        assertThat(paths.has("/api/collections/" + USERS + "/auth-refresh")).isFalse();
        assertThat(paths.has("/api/settings")).isFalse();
        assertThat(paths.has("/api/health")).isTrue();
        assertThat(paths.has("/api/realtime")).isTrue();
        assertThat(paths.has("/api/batch")).isTrue();
        JsonNode record = get(DOC, null).get("components").get("schemas").get(POSTS).get("properties");
        assertThat(record.has("secret")).as("hidden field").isFalse();
        assertThat(get(DOC, null).get("components").get("schemas").has(PRIVATE)).isFalse();
    }

    @Test
    void aUserSeesWhatASignedInRecordCouldReach() {
        JsonNode paths = get(DOC, userToken).get("paths");
        assertThat(paths.get("/api/collections/" + POSTS + "/records").has("post")).isTrue();
        assertThat(paths.has("/api/collections/" + USERS + "/records")).isTrue();
        assertThat(paths.has("/api/collections/" + PRIVATE + "/records")).isFalse();
        assertThat(paths.has("/api/collections/" + USERS + "/auth-refresh")).isTrue();
        assertThat(paths.has("/api/files/token")).isTrue();
        assertThat(paths.has("/api/collections/" + USERS + "/impersonate/{id}")).isFalse();
        assertThat(paths.has("/api/collections")).isFalse();
    }

    @Test
    void aSuperuserSeesEverythingWithTheFieldOptions() {
        JsonNode doc = get(DOC, superuser()).json();
        JsonNode paths = doc.get("paths");
        assertThat(paths.has("/api/collections/" + PRIVATE + "/records")).isTrue();
        assertThat(paths.get("/api/collections/" + PRIVATE + "/records").get("get").get("description").asString())
                .isEqualTo("Rule: superusers only.");
        assertThat(paths.has("/api/collections/" + USERS + "/impersonate/{id}")).isTrue();
        assertThat(paths.has("/api/settings")).isTrue();
        JsonNode schemas = doc.get("components").get("schemas");
        JsonNode post = schemas.get(POSTS).get("properties");
        assertThat(post.has("secret")).isTrue();
        assertThat(post.get("created").get("readOnly").asBoolean()).isTrue();
        assertThat(post.get("views").get("type").asString()).isEqualTo("integer");
        assertThat(post.get("views").get("maximum").asInt()).isEqualTo(1000);
        assertThat(post.get("tags").get("maxItems").asInt()).isEqualTo(2);
        assertThat(post.get("tags").get("items").get("enum").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        assertThat(post.get("author").get("description").asString()).contains("'" + USERS + "'");
        JsonNode create = schemas.get(POSTS + "Create");
        assertThat(create.get("required").toString()).isEqualTo("[\"title\"]");
        assertThat(create.get("properties").get("title").get("pattern").asString()).isEqualTo("^[A-Za-z ]+$");
        assertThat(create.get("properties").get("title").get("minLength").asInt()).isEqualTo(3);
        assertThat(create.get("properties").has("created")).isFalse();
        assertThat(schemas.get(POSTS + "CreateForm").get("properties").get("cover").get("format").asString())
                .isEqualTo("binary");
        JsonNode users = schemas.get(USERS + "Create").get("properties");
        assertThat(users.get("password").get("writeOnly").asBoolean()).isTrue();
        assertThat(schemas.get(USERS).get("properties").has("password")).isFalse();
        assertThat(schemas.get(USERS).get("properties").has("tokenKey")).isFalse();
        assertThat(doc.get("components").get("securitySchemes").get("apiKey").get("name").asString())
                .isEqualTo("X-API-Key");
    }

    @Test
    void aSchemaChangeShowsAtOnce() {
        String name = "docs_new_" + System.nanoTime();
        assertThat(get(DOC, null).get("paths").has("/api/collections/" + name + "/records")).isFalse();
        post("/api/collections", Map.of("name", name, "listRule", "", "fields",
                List.of(Map.of("name", "x", "type", "text"))), superuser());
        assertThat(get(DOC, null).get("paths").has("/api/collections/" + name + "/records")).isTrue();
        delete("/api/collections/" + name, superuser());
        assertThat(get(DOC, null).get("paths").has("/api/collections/" + name + "/records")).isFalse();
    }

    @Test
    void theAdminPathsAreExactlyWhatTheServerRoutes() {
        Map<String, Object> paths = toMap(get(DOC, superuser()).get("paths"));
        List<String> unrouted = new ArrayList<>();
        paths.forEach((path, item) -> ((Map<?, ?>) item).keySet().stream()
                .filter(m -> !m.equals("parameters"))
                .filter(m -> !routes.routes(m.toString().toUpperCase(), path))
                .forEach(m -> unrouted.add(m + " " + path)));
        assertThat(unrouted).isEmpty();
        List<String> undocumented = routes.routes().stream().filter(r -> !OpenApiDocument.documented(paths, r))
                .map(r -> r.method() + " " + r.pattern()).toList();
        assertThat(undocumented).isEmpty();
        // and each admin listing the document names answers a superuser
        for (String path : List.of("/api/collections", "/api/settings", "/api/health", "/api/api-keys",
                "/api/collections/meta/scaffolds")) {
            assertThat(paths).containsKey(path);
            assertThat(get(path, superuser()).status()).as(path).isEqualTo(200);
        }
        assertThat(get("/api/settings", null).status()).isEqualTo(401);
    }

    @Test
    void regeneratesFor100CollectionsQuickly() {
        Collection template = registry.find(POSTS).orElseThrow();
        List<Collection> many = new ArrayList<>(registry.all());
        for (int i = 0; i < 100; i++) {
            many.add(new Collection("pbc_timing" + i, "timing_" + i, template.type(), false, template.fields(),
                    List.of(), "", "", "", "", "", template.created(), template.updated()));
        }
        JsonMapper json = JsonMapper.builder().build();
        long best = Long.MAX_VALUE;
        int size = 0;
        long bestBuild = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            long start = System.nanoTime();
            Map<String, Object> doc = OpenApiDocument.build(many, Audience.SUPERUSER, routes, "test");
            long built = System.nanoTime();
            byte[] bytes = json.writeValueAsBytes(doc);
            best = Math.min(best, System.nanoTime() - start);
            bestBuild = Math.min(bestBuild, built - start);
            size = bytes.length;
        }
        System.out.printf("OpenAPI document for %d collections: %.1f ms (%.1f ms building), %d bytes%n",
                many.size(), best / 1e6, bestBuild / 1e6, size);
        assertThat(best).isLessThan(1_000_000_000L);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        return JsonMapper.builder().build().convertValue(node, Map.class);
    }
}
