package dev.basalt.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Roles: the superusers-only {@code _roles} collection, the {@code roles} field of auth records, role rules. */
class RolesApiTest extends SecurityFixtures {
    private static final String ROLES = "/api/collections/_roles/records";

    private String role(String name) {
        Response existing = get(ROLES + "?filter=" + java.net.URLEncoder.encode("name = '" + name + "'",
                java.nio.charset.StandardCharsets.UTF_8), superuser());
        if (existing.json().get("totalItems").asInt() > 0) {
            return existing.json().get("items").get(0).get("id").asString();
        }
        Response r = post(ROLES, Map.of("name", name, "description", "can " + name), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asString();
    }

    @Test
    void rolesAreASuperusersOnlySystemCollectionWithUniqueNames() {
        Response collection = get("/api/collections/_roles", superuser());
        assertThat(collection.status()).isEqualTo(200);
        assertThat(collection.json().get("system").asBoolean()).isTrue();
        assertThat(collection.json().get("listRule").isNull()).isTrue();
        role("auditor");
        Response duplicate = post(ROLES, Map.of("name", "auditor"), superuser());
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("data").get("name").get("code").asString()).isEqualTo("validation_not_unique");

        JsonNode users = users(List.of(field("name", "text")));
        User ann = user(users.get("name").asString(), "ann@roles.example.com", Map.of("name", "Ann"));
        assertThat(get(ROLES, null).status()).isEqualTo(403);
        assertThat(get(ROLES, ann.token()).status()).isEqualTo(403);
        assertThat(post(ROLES, Map.of("name", "hacker"), ann.token()).status()).isEqualTo(403);
        assertThat(delete("/api/collections/_roles", superuser()).status()).isEqualTo(400);
    }

    @Test
    void everyAuthCollectionHasASystemRolesFieldOnlySuperusersMayChange() {
        String editor = role("editor");
        JsonNode users = users(List.of(field("name", "text")));
        String c = users.get("name").asString();
        JsonNode rolesField = null;
        for (JsonNode f : users.get("fields")) {
            if (f.get("name").asString().equals("roles")) {
                rolesField = f;
            }
        }
        assertThat(rolesField).isNotNull();
        assertThat(rolesField.get("system").asBoolean()).isTrue();
        assertThat(rolesField.get("collectionId").asString()).isEqualTo("pbc_basalt_roles");
        assertThat(get("/api/collections/_superusers", superuser()).body()).contains("\"roles\"");

        User ann = user(c, "ann@roles2.example.com", Map.of("name", "Ann"));
        // the updateRule lets Ann update herself, but not her roles
        Response grant = patch(records(c) + "/" + ann.id(), Map.of("roles", List.of(editor)), ann.token());
        assertThat(grant.status()).isEqualTo(400);
        assertThat(grant.json().get("data").get("roles").get("code").asString()).isEqualTo("validation_values_mismatch");
        assertThat(patch(records(c) + "/" + ann.id(), Map.of("roles+", editor), ann.token()).status()).isEqualTo(400);
        assertThat(stored(c, ann.id()).get("roles").size()).isZero();
        // nor at sign-up
        Response signUp = post(records(c), Map.of("email", "eve@roles2.example.com", "password", PASSWORD,
                "passwordConfirm", PASSWORD, "roles", List.of(editor)), null);
        assertThat(signUp.status()).isEqualTo(400);
        assertThat(count(c)).isEqualTo(1);
        // a superuser may
        assertThat(patch(records(c) + "/" + ann.id(), Map.of("roles", List.of(editor)), superuser()).status())
                .isEqualTo(200);
        assertThat(stored(c, ann.id()).get("roles").get(0).asString()).isEqualTo(editor);
    }

    @Test
    void rulesCanRequireARole() {
        String editor = role("editor");
        String viewer = role("viewer");
        JsonNode users = users(List.of(field("name", "text")));
        String c = users.get("name").asString();
        User ann = user(c, "ann@roles3.example.com", Map.of("roles", List.of(viewer, editor)));
        User bob = user(c, "bob@roles3.example.com", Map.of("roles", List.of(viewer)));
        String rule = "@request.auth.roles.name ?= 'editor'";
        String docs = base("rdocs", List.of(field("title", "text")), "@request.auth.roles.name ?= 'viewer'", rule,
                rule, rule, rule).get("name").asString();
        String id = seed(docs, Map.of("title", "a"));
        assertThat(get(records(docs), bob.token()).json().get("totalItems").asInt()).isEqualTo(1);
        assertThat(get(records(docs), null).json().get("totalItems").asInt()).isZero();
        assertThat(get(records(docs) + "/" + id, bob.token()).status()).isEqualTo(404);
        assertThat(get(records(docs) + "/" + id, ann.token()).status()).isEqualTo(200);
        assertThat(post(records(docs), Map.of("title", "b"), bob.token()).status()).isEqualTo(400);
        assertThat(count(docs)).isEqualTo(1);
        assertThat(post(records(docs), Map.of("title", "b"), ann.token()).status()).isEqualTo(200);
        assertThat(patch(records(docs) + "/" + id, Map.of("title", "x"), bob.token()).status()).isEqualTo(404);
        assertThat(delete(records(docs) + "/" + id, bob.token()).status()).isEqualTo(404);
        assertThat(stored(docs, id).get("title").asString()).isEqualTo("a");
        assertThat(delete(records(docs) + "/" + id, ann.token()).status()).isEqualTo(204);
    }

    @Test
    void authAndManageRulesUseTheFullVocabulary() {
        String admin = role("admin");
        JsonNode users = users(List.of(field("name", "text")));
        String c = users.get("name").asString();
        Response rules = patch("/api/collections/" + c, Map.of(
                "manageRule", "@request.auth.roles.name ?= 'admin'",
                "updateRule", "id = @request.auth.id || @request.auth.roles.name ?= 'admin'",
                "authRule", "@request.context = 'password' && @collection._roles.name ?= 'admin'"), superuser());
        assertThat(rules.status()).as(rules.body()).isEqualTo(200);
        User boss = user(c, "boss@roles4.example.com", Map.of("roles", List.of(admin)));
        User ann = user(c, "ann@roles4.example.com", Map.of("name", "Ann"));
        Map<String, Object> unverify = Map.of("verified", false);
        Response byAnn = patch(records(c) + "/" + boss.id(), unverify, ann.token());
        assertThat(byAnn.status()).isEqualTo(404);
        assertThat(stored(c, boss.id()).get("verified").asBoolean()).isTrue();
        // the manageRule lets an admin change what only managers may change
        Response byBoss = patch(records(c) + "/" + ann.id(), unverify, boss.token());
        assertThat(byBoss.status()).as(byBoss.body()).isEqualTo(200);
        assertThat(stored(c, ann.id()).get("verified").asBoolean()).isFalse();
        Response invalid = patch("/api/collections/" + c, Map.of("manageRule", "@collection.nope.x ?= 1"),
                superuser());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("data").get("manageRule").get("message").asString())
                .contains("unknown collection \"nope\"");
        // the authRule sees how the user signs in
        assertThat(patch("/api/collections/" + c, Map.of("authRule", "@request.context = 'otp'"), superuser())
                .status()).isEqualTo(200);
        Response password = post("/api/collections/" + c + "/auth-with-password",
                Map.of("identity", "boss@roles4.example.com", "password", PASSWORD), null);
        assertThat(password.status()).isEqualTo(403);
        assertThat(password.body()).doesNotContain("token");
    }
}
