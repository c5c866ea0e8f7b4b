package dev.basalt.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Hidden fields are written by superusers only: a client body that names one (directly or through a modifier) is
 * stored without it, on every write path (create, update, batch, sign-up, own auth record), as in PocketBase.
 */
class HiddenFieldWritesTest extends SecurityFixtures {
    private static final Map<String, Object> SECRET = Map.of("name", "secret", "type", "text", "hidden", true);
    private static final Map<String, Object> LIMIT = Map.of("name", "limit", "type", "number", "hidden", true);

    private String openNotes() {
        return base("open_notes", List.of(field("title", "text"), SECRET, LIMIT), "", "", "", "", "")
                .get("name").asString();
    }

    @Test
    void aGuestCreateDropsHiddenFields() {
        String notes = openNotes();
        Response r = post(records(notes), Map.of("title", "t", "secret", "planted", "limit+", 5), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode stored = stored(notes, r.json().get("id").asString());
        assertThat(stored.get("title").asString()).isEqualTo("t");
        assertThat(stored.get("secret").asString()).isEmpty();
        assertThat(stored.get("limit").asInt()).isZero();
    }

    @Test
    void anUpdateKeepsTheStoredHiddenValues() {
        String notes = openNotes();
        String id = seed(notes, Map.of("title", "t", "secret", "kept", "limit", 3));
        Response r = patch(records(notes) + "/" + id, Map.of("title", "u", "secret", "changed", "limit-", 3,
                "+limit", 1), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode stored = stored(notes, id);
        assertThat(stored.get("title").asString()).isEqualTo("u");
        assertThat(stored.get("secret").asString()).isEqualTo("kept");
        assertThat(stored.get("limit").asInt()).isEqualTo(3);
    }

    @Test
    void batchSubRequestsDropHiddenFields() {
        String notes = openNotes();
        String id = seed(notes, Map.of("title", "t", "secret", "kept"));
        Response r = post("/api/batch", Map.of("requests", List.of(
                Map.of("method", "POST", "url", records(notes), "body", Map.of("title", "new", "secret", "planted")),
                Map.of("method", "PATCH", "url", records(notes) + "/" + id, "body", Map.of("secret", "changed")))),
                null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String created = r.json().get(0).get("body").get("id").asString();
        assertThat(stored(notes, created).get("secret").asString()).isEmpty();
        assertThat(stored(notes, id).get("secret").asString()).isEqualTo("kept");
    }

    @Test
    void signUpAndOwnAuthRecordUpdatesDropHiddenFields() {
        String users = users(List.of(SECRET)).get("name").asString();
        Map<String, Object> signUp = new LinkedHashMap<>();
        signUp.put("email", unique("eve") + "@example.com");
        signUp.put("password", PASSWORD);
        signUp.put("passwordConfirm", PASSWORD);
        signUp.put("secret", "planted");
        Response r = post(records(users), signUp, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String eveId = r.json().get("id").asString();
        assertThat(stored(users, eveId).get("secret").asString()).isEmpty();

        User ann = user(users, unique("ann") + "@example.com", Map.of("secret", "ann-secret"));
        Response own = patch(records(users) + "/" + ann.id(), Map.of("secret", "changed"), ann.token());
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(stored(users, ann.id()).get("secret").asString()).isEqualTo("ann-secret");

        // the password is hidden too, yet users still set their own (PocketBase's one exception)
        String newPassword = "Another-Password-456";
        Response change = patch(records(users) + "/" + ann.id(), Map.of("oldPassword", PASSWORD,
                "password", newPassword, "passwordConfirm", newPassword), ann.token());
        assertThat(change.status()).as(change.body()).isEqualTo(200);
    }

    @Test
    void superusersStillWriteHiddenFields() {
        String notes = openNotes();
        String id = seed(notes, Map.of("title", "t", "secret", "set"));
        Response r = patch(records(notes) + "/" + id, Map.of("secret", "reset", "limit+", 2), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(stored(notes, id).get("secret").asString()).isEqualTo("reset");
        assertThat(stored(notes, id).get("limit").asInt()).isEqualTo(2);
    }
}
