package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.collections.AuthOptions;
import dev.basalt.testing.FakeOidcProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** OAuth2 authorization code + PKCE against a real OpenID Connect provider served by the test on 127.0.0.1. */
class OAuth2ApiTest extends AuthFixtures {
    private static final String REDIRECT = "http://127.0.0.1:9/oauth2-redirect";
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static FakeOidcProvider provider;

    @BeforeAll
    static void startProvider() throws Exception {
        provider = new FakeOidcProvider();
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @Test
    void firstSignInCreatesAndLinksTheRecordLaterOnesFindIt() throws Exception {
        String users = createOAuthUsers(Map.of("createRule", ""));
        JsonNode created = oauth2(users, "new-person@example.com", Map.of("role", "reader"));
        assertThat(created.get("token").asString()).isNotBlank();
        assertThat(created.get("refreshToken").asString()).isNotBlank();
        assertThat(created.get("meta").get("isNew").asBoolean()).isTrue();
        assertThat(created.get("meta").get("email").asString()).isEqualTo("new-person@example.com");
        assertThat(created.get("meta").get("accessToken").asString()).isNotBlank();
        JsonNode record = created.get("record");
        assertThat(record.get("email").asString()).isEqualTo("new-person@example.com");
        assertThat(record.get("verified").asBoolean()).isTrue();
        assertThat(record.get("role").asString()).as("createData").isEqualTo("reader");
        assertThat(record.get("name").asString()).as("mapped name").isEqualTo("Name of new-person@example.com");

        JsonNode again = oauth2(users, "new-person@example.com", Map.of());
        assertThat(again.get("meta").get("isNew").asBoolean()).isFalse();
        assertThat(again.get("record").get("id").asString()).isEqualTo(record.get("id").asString());

        String token = created.get("token").asString();
        JsonNode links = get("/api/collections/_externalAuths/records", token).json().get("items");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).get("provider").asString()).isEqualTo("oidc");
        assertThat(links.get(0).get("providerId").asString()).isEqualTo("sub-new-person@example.com");
        assertThat(get("/api/collections/_externalAuths/records", null).json().get("items")).isEmpty();
    }

    @Test
    void verifiedEmailsLinkExistingRecordsUnverifiedOnesDoNot() throws Exception {
        String users = createOAuthUsers(Map.of("createRule", ""));
        String id = signUp(users, "existing@example.com").get("id").asString();
        provider.emailVerified(false);
        try {
            Response refused = send(users, "existing@example.com", Map.of());
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        } finally {
            provider.emailVerified(true);
        }
        JsonNode linked = oauth2(users, "existing@example.com", Map.of());
        assertThat(linked.get("record").get("id").asString()).isEqualTo(id);
        assertThat(linked.get("meta").get("isNew").asBoolean()).isFalse();
    }

    /** The provider's id_token is checked against its JWKS although the user comes from its user info. */
    @Test
    void badIdTokensOfAUserInfoProviderAreRefused() throws Exception {
        String discovered = createOAuthUsers(Map.of("createRule", ""));
        String configured = createOAuthUsers(Map.of("createRule", "", "oauth2", Map.of("enabled", true,
                "providers", List.of(Map.of("name", "oidc", "clientId", FakeOidcProvider.CLIENT_ID,
                        "clientSecret", FakeOidcProvider.CLIENT_SECRET, "authURL", provider.issuer() + "/authorize",
                        "tokenURL", provider.issuer() + "/token", "userInfoURL", provider.issuer() + "/userinfo",
                        "extra", Map.of("jwksURL", provider.issuer() + "/jwks"))))));
        for (String users : List.of(discovered, configured)) {
            for (String prefix : List.of(FakeOidcProvider.FORGED_PREFIX, FakeOidcProvider.EXPIRED_PREFIX,
                    FakeOidcProvider.WRONG_AUDIENCE_PREFIX, FakeOidcProvider.OTHER_SUBJECT_PREFIX)) {
                Response refused = send(users, prefix + "idt@example.com", Map.of());
                assertThat(refused.status()).as(prefix + " " + refused.body()).isEqualTo(400);
                assertThat(refused.json().get("message").asString())
                        .isEqualTo("Failed to authenticate with the OAuth2 provider.");
            }
            assertThat(get("/api/collections/" + users + "/records", superuser()).json().get("totalItems").asInt())
                    .as("nothing signed up").isZero();
            assertThat(oauth2(users, "valid-idt@example.com", Map.of()).get("record").get("email").asString())
                    .isEqualTo("valid-idt@example.com");
        }
    }

    @Test
    void refusalsAndAuthMethods() throws Exception {
        String closed = createOAuthUsers(Map.of());
        assertThat(send(closed, "nobody-yet@example.com", Map.of()).status())
                .as("createRule null: no new records").isEqualTo(403);

        String users = createOAuthUsers(Map.of("createRule", ""));
        JsonNode methods = get("/api/collections/" + users + "/auth-methods", null).json();
        assertThat(methods.get("oauth2").get("enabled").asBoolean()).isTrue();
        JsonNode info = methods.get("oauth2").get("providers").get(0);
        assertThat(info.get("name").asString()).isEqualTo("oidc");
        assertThat(info.get("codeChallengeMethod").asString()).isEqualTo("S256");
        assertThat(info.get("logo").asString()).as("PocketBase's key, a monogram of OIDC").startsWith("<svg")
                .contains(">O</text>");
        assertThat(info.get("authURL").asString()).startsWith(provider.issuer() + "/authorize?client_id=")
                .endsWith("&redirect_uri=");
        Response wrongVerifier = post("/api/collections/" + users + "/auth-with-oauth2", Map.of("provider", "oidc",
                "code", code(info.get("authURL").asString(), "pkce@example.com"), "codeVerifier", "not-the-verifier",
                "redirectURL", REDIRECT), null);
        assertThat(wrongVerifier.status()).isEqualTo(400);
        assertThat(post("/api/collections/" + users + "/auth-with-oauth2", Map.of("provider", "github",
                "code", "x", "codeVerifier", "y", "redirectURL", REDIRECT), null).status()).isEqualTo(400);

        JsonNode collection = get("/api/collections/" + users, superuser()).json();
        assertThat(collection.get("oauth2").get("providers").get(0).has("clientSecret")).isFalse();
        Response renamed = patch("/api/collections/" + users, Map.of("oauth2", Map.of("providers", List.of(Map.of(
                "name", "oidc", "clientId", FakeOidcProvider.CLIENT_ID, "displayName", "Test IdP",
                "extra", Map.of("issuer", provider.issuer()))))), superuser());
        assertThat(renamed.status()).as("the stored secret is kept: " + renamed.body()).isEqualTo(200);
        assertThat(oauth2(users, "after-edit@example.com", Map.of()).get("token").asString()).isNotBlank();
        assertThat(patch("/api/collections/" + users, Map.of("oauth2", Map.of("providers", List.of(Map.of(
                "name", "myspace", "clientId", "a", "clientSecret", "b")))), superuser()).status()).isEqualTo(400);
    }

    @Test
    void signUpDownloadsTheAvatarIntoTheMappedFileFieldAndTheURLIntoATextField() throws Exception {
        Map<String, Object> options = new java.util.HashMap<>(Map.of("createRule", "",
                "fields", List.of(Map.of("name", "name", "type", "text"), Map.of("name", "role", "type", "text"),
                        Map.of("name", "avatar", "type", "file", "maxSelect", 1, "mimeTypes", List.of("image/png"))),
                "oauth2", oauth2Options(Map.of("name", "name", "avatarURL", "avatar"))));
        String users = createUsers(options);
        JsonNode record = oauth2(users, "avatar-person@example.com", Map.of()).get("record");
        String file = record.get("avatar").asString();
        assertThat(file).as("stored under a generated name").matches("avatar_\\w{10}\\.png");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/files/" + users + "/" + record.get("id").asString() + "/" + file))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(FakeOidcProvider.AVATAR);
        JsonNode explicit = oauth2(users, "own-avatar@example.com", Map.of("avatar", List.of())).get("record");
        assertThat(explicit.get("avatar").asString()).as("createData wins over the mapping").isEmpty();

        String texts = createUsers(Map.of("createRule", "", "oauth2", oauth2Options(Map.of("role", "role",
                "avatarURL", "role"))));
        assertThat(oauth2(texts, "url-person@example.com", Map.of()).get("record").get("role").asString())
                .isEqualTo(provider.issuer() + "/avatar.png");
    }

    @Test
    void everyPocketBaseProviderAndSettingsKeyIsAccepted() {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (String name : AuthOptions.OAuth2.PROVIDERS) {
            Map<String, Object> p = new java.util.LinkedHashMap<>(Map.of("name", name, "clientId", "id-" + name,
                    "clientSecret", "secret-" + name, "displayName", "My " + name, "pkce", false,
                    "extra", Map.of("note", "kept")));
            if (AuthOptions.OAuth2.SELF_HOSTED.contains(name)) {
                p.putAll(Map.of("authURL", "https://sso.example/auth", "tokenURL", "https://sso.example/token"));
            }
            if (name.equals("mailcow")) {
                p.put("userInfoURL", "https://sso.example/profile");
            }
            all.add(p);
        }
        Response created = post("/api/collections", Map.of("name", "all_providers_" + System.nanoTime() % 100_000,
                "type", "auth", "oauth2", Map.of("enabled", true, "providers", all)), superuser());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode saved = created.json().get("oauth2").get("providers");
        assertThat(saved).hasSize(AuthOptions.OAuth2.PROVIDERS.size());
        assertThat(saved.get(0).get("pkce").asBoolean()).isFalse();
        assertThat(saved.get(0).get("extra").get("note").asString()).isEqualTo("kept");
        Response mailcow = post("/api/collections", Map.of("name", "mailcow_" + System.nanoTime() % 100_000,
                "type", "auth", "oauth2", Map.of("enabled", true, "providers", List.of(Map.of("name", "mailcow",
                        "clientId", "a", "clientSecret", "b")))), superuser());
        assertThat(mailcow.status()).as("mailcow has no endpoints of its own").isEqualTo(400);
        assertThat(mailcow.body()).contains("authURL");
    }

    private Map<String, Object> oauth2Options(Map<String, Object> mappedFields) {
        return Map.of("enabled", true, "mappedFields", mappedFields,
                "providers", List.of(Map.of("name", "oidc", "clientId", FakeOidcProvider.CLIENT_ID,
                        "clientSecret", FakeOidcProvider.CLIENT_SECRET, "extra", Map.of("issuer", provider.issuer()))));
    }

    private String createOAuthUsers(Map<String, Object> extra) {
        Map<String, Object> options = new java.util.HashMap<>(Map.of("oauth2", Map.of("enabled", true,
                "mappedFields", Map.of("name", "name"),
                "providers", List.of(Map.of("name", "oidc", "clientId", FakeOidcProvider.CLIENT_ID,
                        "clientSecret", FakeOidcProvider.CLIENT_SECRET, "extra", Map.of("issuer", provider.issuer()))))));
        options.putAll(extra);
        if (!extra.containsKey("createRule")) {
            options.put("createRule", null);
        }
        return createUsers(options);
    }

    private JsonNode oauth2(String users, String email, Map<String, Object> createData) throws Exception {
        Response r = send(users, email, createData);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Runs the whole flow as a browser app would: auth-methods, the provider's consent, auth-with-oauth2. */
    private Response send(String users, String email, Map<String, Object> createData) throws Exception {
        JsonNode info = get("/api/collections/" + users + "/auth-methods", null).json().get("oauth2")
                .get("providers").get(0);
        String code = code(info.get("authURL").asString(), email);
        return post("/api/collections/" + users + "/auth-with-oauth2", Map.of("provider", "oidc", "code", code,
                "codeVerifier", info.get("codeVerifier").asString(), "redirectURL", REDIRECT,
                "createData", createData), null);
    }

    private static String code(String authURL, String email) throws Exception {
        String url = authURL + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&login_hint="
                + URLEncoder.encode(email, StandardCharsets.UTF_8);
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(302);
        Matcher m = CODE.matcher(r.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
