package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Refresh-token rotation, reuse detection, logout, session listing and revocation, impersonation. */
class SessionsApiTest extends AuthFixtures {
    @Autowired
    DSLContext dsl;

    @Test
    void refreshTokensRotateAndASpentOneRevokesTheSession() {
        String users = createUsers(Map.of());
        signUp(users, "gina@example.com");
        JsonNode first = signIn(users, "gina@example.com", PASSWORD).json();
        String r1 = first.get("refreshToken").asString();

        Response second = refresh(users, r1);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        String r2 = second.json().get("refreshToken").asString();
        String access2 = second.json().get("token").asString();
        assertThat(r2).isNotEqualTo(r1);
        assertThat(secondsLeft(access2)).as("access tokens from a refresh live 15 minutes").isBetween(890L, 900L);
        assertThat(claims(access2).get("sid").asString()).isEqualTo(claims(first.get("token").asString()).get("sid").asString());
        assertThat(second.json().get("record").get("email").asString()).isEqualTo("gina@example.com");
        Response third = refresh(users, r2);
        String r3 = third.json().get("refreshToken").asString();
        assertThat(third.status()).isEqualTo(200);

        Response reuse = refresh(users, r1);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(refresh(users, r3).status()).as("the whole session is revoked").isEqualTo(401);
        assertThat(post(refreshPath(users), null, third.json().get("token").asString()).status())
                .as("and its access tokens are refused at once").isEqualTo(401);
        assertThat(post(refreshPath(users), null, first.get("token").asString()).status()).isEqualTo(401);
        assertThat(refresh(users, "made-up-token").status()).isEqualTo(401);
    }

    @Test
    void accessTokenRefreshKeepsPocketBaseBehaviour() {
        String users = createUsers(Map.of("authToken", Map.of("duration", 7200)));
        signUp(users, "hank@example.com");
        String token = signIn(users, "hank@example.com", PASSWORD).json().get("token").asString();
        Response r = post(refreshPath(users), null, token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(secondsLeft(r.json().get("token").asString())).isBetween(7190L, 7200L);
        assertThat(r.json().get("record").get("email").asString()).isEqualTo("hank@example.com");
        assertThat(post(refreshPath(users), null, null).status()).isEqualTo(401);
        String other = createUsers(Map.of());
        assertThat(post(refreshPath(other), null, token).status()).as("token of another collection").isEqualTo(401);
    }

    @Test
    void logoutEndsTheSessionOfTheTokenOrOfTheRefreshToken() {
        String users = createUsers(Map.of());
        signUp(users, "ivy@example.com");
        JsonNode a = signIn(users, "ivy@example.com", PASSWORD).json();
        JsonNode b = signIn(users, "ivy@example.com", PASSWORD).json();
        String logout = "/api/collections/" + users + "/auth-logout";

        assertThat(post(logout, null, a.get("token").asString()).status()).isEqualTo(204);
        assertThat(post(refreshPath(users), null, a.get("token").asString()).status()).isEqualTo(401);
        assertThat(refresh(users, a.get("refreshToken").asString()).status()).isEqualTo(401);
        assertThat(post(refreshPath(users), null, b.get("token").asString()).status())
                .as("other sessions go on").isEqualTo(200);

        assertThat(post(logout, Map.of("refreshToken", b.get("refreshToken").asString()), null).status()).isEqualTo(204);
        assertThat(post(refreshPath(users), null, b.get("token").asString()).status()).isEqualTo(401);
        assertThat(post(logout, null, null).status()).isEqualTo(401);
        assertThat(post(logout, Map.of("refreshToken", "unknown"), null).status()).isEqualTo(401);
    }

    @Test
    void sessionsAreListedAndRevokedOneByOneOrAllAtOnce() {
        String users = createUsers(Map.of());
        String id = signUp(users, "jack@example.com").get("id").asString();
        String otherId = signUp(users, "kate@example.com").get("id").asString();
        String t1 = signIn(users, "jack@example.com", PASSWORD).json().get("token").asString();
        String t2 = signIn(users, "jack@example.com", PASSWORD).json().get("token").asString();
        String t3 = signIn(users, "jack@example.com", PASSWORD).json().get("token").asString();
        String kate = signIn(users, "kate@example.com", PASSWORD).json().get("token").asString();
        String sessions = "/api/collections/" + users + "/records/" + id + "/sessions";

        JsonNode items = get(sessions, t1).json().get("items");
        assertThat(items).hasSize(3);
        assertThat(items.valueStream().filter(s -> s.get("current").asBoolean()).count()).isEqualTo(1);
        assertThat(items.get(0).get("kind").asString()).isEqualTo("signin");
        assertThat(get(sessions, null).status()).isEqualTo(401);
        assertThat(get(sessions, kate).status()).isEqualTo(403);
        assertThat(get("/api/collections/" + users + "/records/" + otherId + "/sessions", superuser()).json()
                .get("items")).hasSize(1);

        String sid2 = claims(t2).get("sid").asString();
        assertThat(delete(sessions + "/" + sid2, t1).status()).isEqualTo(204);
        assertThat(post(refreshPath(users), null, t2).status()).as("revoked, refused at once").isEqualTo(401);
        assertThat(delete(sessions + "/" + sid2, t1).status()).isEqualTo(404);
        assertThat(delete(sessions + "/" + claims(kate).get("sid").asString(), t1).status()).isEqualTo(404);
        assertThat(get(sessions, t1).json().get("items")).hasSize(2);

        assertThat(delete(sessions, superuser()).status()).isEqualTo(204);
        assertThat(post(refreshPath(users), null, t1).status()).isEqualTo(401);
        assertThat(post(refreshPath(users), null, t3).status()).isEqualTo(401);
        assertThat(post(refreshPath(users), null, kate).status()).as("other records untouched").isEqualTo(200);
    }

    @Test
    void expiredInactiveAndPasswordChangedSessionsCannotRefresh() {
        String users = createUsers(Map.of());
        String id = signUp(users, "liam@example.com").get("id").asString();
        JsonNode inactive = signIn(users, "liam@example.com", PASSWORD).json();
        JsonNode expired = signIn(users, "liam@example.com", PASSWORD).json();
        JsonNode changed = signIn(users, "liam@example.com", PASSWORD).json();
        var sessions = DSL.table(DSL.name("_sessions"));
        var sid = DSL.field(DSL.name("id"), String.class);
        dsl.update(sessions).set(DSL.field(DSL.name("last_used"), OffsetDateTime.class), OffsetDateTime.now(clock).minusDays(15))
                .where(sid.eq(claims(inactive.get("token").asString()).get("sid").asString())).execute();
        dsl.update(sessions).set(DSL.field(DSL.name("expires"), OffsetDateTime.class), OffsetDateTime.now(clock).minusSeconds(1))
                .where(sid.eq(claims(expired.get("token").asString()).get("sid").asString())).execute();
        assertThat(refresh(users, inactive.get("refreshToken").asString()).status()).isEqualTo(401);
        assertThat(refresh(users, expired.get("refreshToken").asString()).status()).isEqualTo(401);

        patch("/api/collections/" + users + "/records/" + id,
                Map.of("password", "changed-Password-1", "passwordConfirm", "changed-Password-1"), superuser());
        assertThat(refresh(users, changed.get("refreshToken").asString()).status())
                .as("a password change ends every session").isEqualTo(401);
    }

    @Test
    void superusersImpersonateWithANonRefreshableToken() throws InterruptedException {
        String users = createUsers(Map.of());
        String id = signUp(users, "mia@example.com").get("id").asString();
        String userToken = signIn(users, "mia@example.com", PASSWORD).json().get("token").asString();
        String path = "/api/collections/" + users + "/impersonate/" + id;

        Response r = post(path, Map.of("duration", 120), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String token = r.json().get("token").asString();
        assertThat(r.json().get("record").get("id").asString()).isEqualTo(id);
        assertThat(r.json().has("refreshToken")).isFalse();
        assertThat(secondsLeft(token)).isBetween(110L, 120L);
        assertThat(claims(token).get("refreshable").asBoolean()).isFalse();
        assertThat(get("/api/collections/" + users + "/records/" + id + "/sessions", token).status()).isEqualTo(200);
        assertThat(post(refreshPath(users), null, token).status()).isEqualTo(403);

        assertThat(post(path, Map.of(), userToken).status()).isEqualTo(403);
        assertThat(post(path, Map.of(), null).status()).isEqualTo(401);
        assertThat(post("/api/collections/" + users + "/impersonate/missing", Map.of(), superuser()).status())
                .isEqualTo(404);
        assertThat(post(path, Map.of("duration", -1), superuser()).status()).isEqualTo(400);

        String shortLived = post(path, Map.of("duration", 1), superuser()).json().get("token").asString();
        clock.advance(Duration.ofSeconds(2));
        assertThat(get("/api/collections/" + users + "/records/" + id + "/sessions", shortLived).status())
                .as("an expired token is refused").isEqualTo(401);
    }

    private Response refresh(String users, String refreshToken) {
        return post(refreshPath(users), Map.of("refreshToken", refreshToken), null);
    }

    private static String refreshPath(String users) {
        return "/api/collections/" + users + "/auth-refresh";
    }
}
