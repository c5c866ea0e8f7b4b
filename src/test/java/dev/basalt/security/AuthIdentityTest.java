package dev.basalt.security;

import static dev.basalt.security.RecordsAccessMatrixTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Identity across auth collections: rules compare relations with {@code @request.auth.id} alone, so a record of a
 * second, open auth collection ({@code members}) created with the id of Ann's {@code users} record would pass
 * {@code owner = @request.auth.id} on Ann's notes. Auth record ids are therefore unique across auth collections.
 */
class AuthIdentityTest extends SecurityFixtures {
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_LENGTH = 15;
    private static final int RACE_ROUNDS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();
    private String users;
    private String members;
    private String notes;
    private User ann;
    private String annNote;

    @BeforeEach
    void collections() {
        users = users(List.of(field("name", "text"))).get("name").asString();
        ann = user(users, "ann@" + users.replace("_", "-") + ".example.com", Map.of("name", "Ann"));
        members = users(List.of()).get("name").asString();
        JsonNode n = base("notes", List.of(field("title", "text"),
                relation("owner", get("/api/collections/" + users, superuser()).json().get("id").asString(), 1)),
                Scenario.OWNER, Scenario.OWNER, Scenario.OWNER, Scenario.OWNER, Scenario.OWNER);
        notes = n.get("name").asString();
        annNote = seed(notes, Map.of("title", "ann's", "owner", ann.id()));
    }

    private Response signUp(String collection, String id, String email, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (id != null) {
            body.put("id", id);
        }
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("passwordConfirm", PASSWORD);
        return post(records(collection), body, token);
    }

    @Test
    void signingUpToAnotherAuthCollectionWithAnExistingIdIsRefused() {
        String mallory = "mallory@" + members.replace("_", "-") + ".example.com";
        Response attack = signUp(members, ann.id(), mallory, null);
        assertThat(attack.status()).as(attack.body()).isEqualTo(400);
        assertThat(attack.json().at("/data/id/code").asString()).isEqualTo("validation_not_unique");
        Response login = post("/api/collections/" + members + "/auth-with-password",
                Map.of("identity", mallory, "password", PASSWORD), null);
        assertThat(login.status()).isEqualTo(400);
        // with an id of her own, Mallory's members token reads nothing of Ann's
        assertThat(signUp(members, null, mallory, null).status()).isEqualTo(200);
        String token = post("/api/collections/" + members + "/auth-with-password",
                Map.of("identity", mallory, "password", PASSWORD), null).json().get("token").asString();
        assertThat(ids(get(records(notes), token).json().get("items"))).doesNotContain(annNote);
        assertThat(get(records(notes) + "/" + annNote, token).status()).isEqualTo(404);
        assertThat(patch(records(notes) + "/" + annNote, Map.of("title", "mine"), token).status()).isEqualTo(404);
        assertThat(get(records(users) + "/" + ann.id(), token).status()).isEqualTo(404);
        assertThat(patch(records(users) + "/" + ann.id(), Map.of("name", "x"), token).status()).isEqualTo(404);
        assertThat(stored(notes, annNote).get("title").asString()).isEqualTo("ann's");
    }

    @Test
    void anIdTakenInAnyAuthCollectionIsRefusedInTheOthers() {
        String id = randomId();
        assertThat(signUp(members, id, "first@" + members.replace("_", "-") + ".example.com", null).status())
                .isEqualTo(200);
        Response second = signUp(users, id, "second@" + users.replace("_", "-") + ".example.com", superuser());
        assertThat(second.status()).as(second.body()).isEqualTo(400);
        assertThat(second.json().at("/data/id/code").asString()).isEqualTo("validation_not_unique");
        String superuserId = get("/api/collections/_superusers/records?perPage=1", superuser()).json()
                .at("/items/0/id").asString();
        assertThat(signUp(members, superuserId, "su@" + members.replace("_", "-") + ".example.com", null).status())
                .isEqualTo(400);
        // base collections are not concerned: any record may share an id with an auth record
        assertThat(post(records(notes), Map.of("id", id, "title", "same id", "owner", ann.id()), ann.token())
                .status()).isEqualTo(200);
    }

    @Test
    void concurrentCreatesOfOneIdInTwoAuthCollectionsLetExactlyOneThrough() {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            String id = randomId();
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> creates = new ArrayList<>();
            for (String collection : List.of(users, members)) {
                String email = "race" + round + "@" + collection.replace("_", "-") + ".example.com";
                creates.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return signUp(collection, id, email, null).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = creates.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 400);
        }
    }

    private static String randomId() {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
