package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.collections.CollectionRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Auth collections: options, system fields, sign-up, email visibility, manage access, authRule, identity fields. */
class AuthCollectionsApiTest extends AuthFixtures {
    @Autowired
    CollectionRegistry registry;

    @Test
    void authCollectionHasPocketBaseOptionsAndSystemFields() {
        String users = createUsers(Map.of("authToken", Map.of("duration", 3600), "manageRule", "role = 'x'"));
        registry.reload();
        Response r = get("/api/collections/" + users, superuser());
        JsonNode c = r.json();
        assertThat(c.get("type").asString()).isEqualTo("auth");
        assertThat(c.get("authRule").asString()).isEmpty();
        assertThat(c.get("manageRule").asString()).isEqualTo("role = 'x'");
        assertThat(c.get("authToken").get("duration").asLong()).isEqualTo(3600);
        assertThat(c.get("passwordResetToken").get("duration").asLong()).isEqualTo(1800);
        assertThat(c.get("passwordAuth").get("enabled").asBoolean()).isTrue();
        assertThat(c.get("passwordAuth").get("identityFields").get(0).asString()).isEqualTo("email");
        assertThat(c.get("otp").get("length").asInt()).isEqualTo(8);
        assertThat(c.get("mfa").get("duration").asLong()).as("PocketBase's default").isEqualTo(600);
        assertThat(c.get("verificationToken").get("duration").asLong()).isEqualTo(86_400);
        assertThat(c.get("fileToken").get("duration").asLong()).isEqualTo(180);
        assertThat(c.get("oauth2").get("enabled").asBoolean()).isFalse();
        assertThat(c.get("authAlert").get("enabled").asBoolean()).isTrue();
        assertThat(c.get("verificationTemplate").get("subject").asString()).contains("{APP_NAME}");
        assertThat(c.get("refreshToken").get("accessDuration").asLong()).isEqualTo(900);
        List<String> fields = c.get("fields").valueStream().map(f -> f.get("name").asString()).toList();
        assertThat(fields).contains("id", "password", "tokenKey", "email", "emailVisibility", "verified", "name");
        assertThat(c.get("indexes").toString()).contains("`email` COLLATE NOCASE");

        Response patched = patch("/api/collections/" + users, Map.of("otp", Map.of("duration", 300)), superuser());
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("otp").get("duration").asLong()).isEqualTo(300);
        assertThat(patched.json().get("otp").get("length").asInt()).isEqualTo(8);
        assertThat(patched.json().get("authToken").get("duration").asLong()).isEqualTo(3600);
    }

    @Test
    void invalidOptionsAreRefusedWithTheirKeys() {
        String users = createUsers(Map.of());
        String path = "/api/collections/" + users;
        assertError(patch(path, Map.of("authToken", Map.of("duration", 5)), superuser()), "authToken.duration");
        assertError(patch(path, Map.of("manageRule", ""), superuser()), "manageRule");
        assertError(patch(path, Map.of("authRule", "nope ="), superuser()), "authRule");
        assertError(patch(path, Map.of("passwordAuth", Map.of("identityFields", List.of("name"))), superuser()),
                "passwordAuth.identityFields");
        assertError(patch(path, Map.of("passwordAuth", Map.of("identityFields", List.of())), superuser()),
                "passwordAuth.identityFields");
        assertError(patch(path, Map.of("mfa", Map.of("enabled", true)), superuser()), "mfa.enabled");
        assertError(patch(path, Map.of("otp", Map.of("enabled", true, "length", 2)), superuser()), "otp.length");
        assertError(patch(path, Map.of("oauth2", Map.of("enabled", true, "providers", List.of(Map.of("name", "oidc")))),
                superuser()), "oauth2.providers.0.clientId");
        assertError(patch(path, Map.of("passwordAuth", Map.of("enabled", "yes")), superuser()), "passwordAuth.enabled");
        assertError(patch("/api/collections/_superusers", Map.of("authRule", "verified = true"), superuser()), "authRule");
    }

    @Test
    void signUpSignInAndUniqueEmail() {
        String users = createUsers(Map.of());
        JsonNode created = signUp(users, "Alice@Example.com");
        assertThat(created.has("email")).as("hidden from an anonymous creator").isFalse();
        assertThat(created.has("password")).isFalse();
        assertThat(created.has("tokenKey")).isFalse();

        Response duplicate = post("/api/collections/" + users + "/records", Map.of("email", "alice@example.COM",
                "password", PASSWORD, "passwordConfirm", PASSWORD), null);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("data").get("email").get("code").asString()).isEqualTo("validation_not_unique");

        Response mismatch = post("/api/collections/" + users + "/records", Map.of("email", "bob@example.com",
                "password", PASSWORD, "passwordConfirm", PASSWORD + "x"), null);
        assertThat(mismatch.json().get("data").has("passwordConfirm")).isTrue();
        Response selfVerified = post("/api/collections/" + users + "/records", Map.of("email", "carol@example.com",
                "password", PASSWORD, "passwordConfirm", PASSWORD, "verified", true), null);
        assertThat(selfVerified.status()).isEqualTo(400);
        assertThat(selfVerified.json().get("data").has("verified")).isTrue();

        Response auth = signIn(users, "ALICE@example.com", PASSWORD);
        assertThat(auth.status()).as(auth.body()).isEqualTo(200);
        assertThat(auth.json().get("record").get("email").asString()).isEqualTo("Alice@Example.com");
        assertThat(auth.json().get("refreshToken").asString()).hasSizeGreaterThan(30);
        assertThat(secondsLeft(auth.json().get("token").asString())).as("PocketBase's default: 5 days").isBetween(431_900L, 432_000L);
        assertThat(claims(auth.json().get("token").asString()).get("sid").asString()).isNotBlank();

        assertThat(signIn(users, "alice@example.com", "wrong-password").status()).isEqualTo(400);
        assertThat(signIn(users, "nobody@example.com", PASSWORD).status()).isEqualTo(400);
        assertThat(signIn("posts_does_not_exist", "alice@example.com", PASSWORD).status()).isEqualTo(404);
    }

    @Test
    void emailIsShownToOwnerSuperusersAndManagersOrWhenVisible() {
        String users = createUsers(Map.of("manageRule", "@request.auth.role = 'admin'"));
        String hidden = signUp(users, "hidden@example.com").get("id").asString();
        String shown = signUp(users, "shown@example.com").get("id").asString();
        String adminId = signUp(users, "admin@example.com").get("id").asString();
        patch("/api/collections/" + users + "/records/" + shown, Map.of("emailVisibility", true), superuser());
        patch("/api/collections/" + users + "/records/" + adminId, Map.of("role", "admin"), superuser());
        String hiddenToken = signIn(users, "hidden@example.com", PASSWORD).json().get("token").asString();
        String adminToken = signIn(users, "admin@example.com", PASSWORD).json().get("token").asString();

        String list = "/api/collections/" + users + "/records?sort=created";
        assertThat(emails(get(list, null))).containsExactly("shown@example.com");
        assertThat(emails(get(list, hiddenToken))).containsExactly("hidden@example.com", "shown@example.com");
        assertThat(emails(get(list, superuser()))).hasSize(3);
        assertThat(emails(get(list, adminToken))).hasSize(3);
        assertThat(get("/api/collections/" + users + "/records/" + hidden, null).json().has("email")).isFalse();
        assertThat(get("/api/collections/" + users + "/records/" + hidden, hiddenToken).json().get("email").asString())
                .isEqualTo("hidden@example.com");
    }

    @Test
    void ownersNeedTheOldPasswordAndCannotVerifyThemselvesManagersCan() {
        String users = createUsers(Map.of("manageRule", "@request.auth.role = 'admin'",
                "updateRule", "id = @request.auth.id || @request.auth.role = 'admin'"));
        String id = signUp(users, "dave@example.com").get("id").asString();
        String adminId = signUp(users, "boss@example.com").get("id").asString();
        patch("/api/collections/" + users + "/records/" + adminId, Map.of("role", "admin"), superuser());
        String token = signIn(users, "dave@example.com", PASSWORD).json().get("token").asString();
        String record = "/api/collections/" + users + "/records/" + id;

        Response noOld = patch(record, Map.of("password", "new-Password-1", "passwordConfirm", "new-Password-1"), token);
        assertThat(noOld.status()).isEqualTo(400);
        assertThat(noOld.json().get("data").get("oldPassword").get("code").asString())
                .isEqualTo("validation_invalid_old_password");
        assertThat(patch(record, Map.of("password", "new-Password-1", "passwordConfirm", "new-Password-1",
                "oldPassword", "wrong"), token).status()).isEqualTo(400);
        assertThat(patch(record, Map.of("verified", true), token).json().get("data").has("verified")).isTrue();
        assertThat(patch(record, Map.of("email", "other@example.com"), token).json().get("data").has("email")).isTrue();

        Response changed = patch(record, Map.of("password", "new-Password-1", "passwordConfirm", "new-Password-1",
                "oldPassword", PASSWORD), token);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(post("/api/collections/" + users + "/auth-refresh", null, token).status())
                .as("the old token died with the password").isEqualTo(401);
        assertThat(signIn(users, "dave@example.com", "new-Password-1").status()).isEqualTo(200);

        String adminToken = signIn(users, "boss@example.com", PASSWORD).json().get("token").asString();
        Response managed = patch(record, Map.of("verified", true, "email", "dave2@example.com",
                "password", "third-Password-1", "passwordConfirm", "third-Password-1"), adminToken);
        assertThat(managed.status()).as(managed.body()).isEqualTo(200);
        assertThat(managed.json().get("verified").asBoolean()).isTrue();
        assertThat(signIn(users, "dave2@example.com", "third-Password-1").status()).isEqualTo(200);
    }

    @Test
    void authRuleAndPasswordAuthDecideWhoSignsIn() {
        String users = createUsers(Map.of("authRule", "verified = true"));
        String id = signUp(users, "erin@example.com").get("id").asString();
        Response refused = signIn(users, "erin@example.com", PASSWORD);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("message").asString()).isEqualTo(AuthErrors.SIGN_IN_RULE_REFUSED.message());
        patch("/api/collections/" + users + "/records/" + id, Map.of("verified", true), superuser());
        assertThat(signIn(users, "erin@example.com", PASSWORD).status()).isEqualTo(200);

        Map<String, Object> nullRule = new java.util.HashMap<>();
        nullRule.put("authRule", null);
        patch("/api/collections/" + users, nullRule, superuser());
        assertThat(signIn(users, "erin@example.com", PASSWORD).status()).isEqualTo(403);
        patch("/api/collections/" + users, Map.of("authRule", "", "passwordAuth", Map.of("enabled", false)), superuser());
        assertThat(signIn(users, "erin@example.com", PASSWORD).status()).isEqualTo(403);
        JsonNode methods = get("/api/collections/" + users + "/auth-methods", null).json();
        assertThat(methods.get("password").get("enabled").asBoolean()).isFalse();
    }

    @Test
    void identityFieldsChooseTheSignInKeys() {
        String users = createUsers(Map.of(
                "fields", List.of(Map.of("name", "username", "type", "text"), Map.of("name", "name", "type", "text")),
                "indexes", List.of("CREATE UNIQUE INDEX `idx_username_x` ON `x` (`username`)"),
                "passwordAuth", Map.of("identityFields", List.of("email", "username"))));
        String id = signUp(users, "frank@example.com").get("id").asString();
        patch("/api/collections/" + users + "/records/" + id, Map.of("username", "frankie"), superuser());
        assertThat(signIn(users, "frankie", PASSWORD).status()).isEqualTo(200);
        assertThat(signIn(users, "frank@example.com", PASSWORD).status()).isEqualTo(200);
        Response onlyEmail = post("/api/collections/" + users + "/auth-with-password",
                Map.of("identity", "frankie", "password", PASSWORD, "identityField", "email"), null);
        assertThat(onlyEmail.status()).isEqualTo(400);

        JsonNode methods = get("/api/collections/" + users + "/auth-methods", null).json();
        assertThat(methods.get("password").get("enabled").asBoolean()).isTrue();
        assertThat(methods.get("password").get("identityFields").toString()).isEqualTo("[\"email\",\"username\"]");
        assertThat(methods.get("oauth2").get("enabled").asBoolean()).isFalse();
        assertThat(methods.get("mfa").get("enabled").asBoolean()).isFalse();
        assertThat(methods.get("otp").get("enabled").asBoolean()).isFalse();
    }

    private static List<String> emails(Response r) {
        return r.json().get("items").valueStream().filter(i -> i.has("email")).map(i -> i.get("email").asString())
                .toList();
    }

    @Test
    void fileTokensLiveForTheCollectionsFileTokenDuration() {
        String users = createUsers(Map.of("fileToken", Map.of("duration", 60)));
        signUp(users, "dora@example.com");
        String token = signIn(users, "dora@example.com", PASSWORD).json().get("token").asString();
        Response file = post("/api/files/token", null, token);
        assertThat(file.status()).as(file.body()).isEqualTo(200);
        assertThat(secondsLeft(file.json().get("token").asString())).isBetween(50L, 60L);
    }

    @Test
    void aTokenWorksForARecordWithAnEmptyJsonField() {
        String users = createUsers(Map.of("fields", List.of(Map.of("name", "name", "type", "text"),
                Map.of("name", "prefs", "type", "json"))));
        signUp(users, "erin@example.com");
        String token = signIn(users, "erin@example.com", PASSWORD).json().get("token").asString();
        Response me = get("/api/collections/" + users + "/records", token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().at("/items/0/prefs").isNull()).isTrue();
    }

    private static void assertError(Response r, String key) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("data").has(key)).as(r.body()).isTrue();
    }
}
