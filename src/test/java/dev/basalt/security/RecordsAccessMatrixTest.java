package dev.basalt.security;

import static dev.basalt.security.SecurityFixtures.records;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The records API as a matrix: each caller (guest, the owner, another user, a superuser) on each operation of an
 * owner-only collection and of a superusers-only one, with the exact answer and proof that nothing leaked or was
 * written.
 */
class RecordsAccessMatrixTest extends SecurityFixtures {
    private static Scenario s;

    enum Who {
        GUEST, OWNER, OTHER, SUPERUSER
    }

    @BeforeEach
    void scenario() {
        if (s == null) {
            s = Scenario.create(this);
        }
    }

    private String token(Who who) {
        return switch (who) {
            case GUEST -> null;
            case OWNER -> s.ann().token();
            case OTHER -> s.bob().token();
            case SUPERUSER -> superuser();
        };
    }

    private static <T> T expect(Who who, Function<Who, T> f) {
        return f.apply(who);
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void listShowsAndCountsOnlyListableRows(Who who) {
        Response r = get(records(s.posts()) + "?filter=" + encode("published = false || published = true"),
                token(who));
        assertThat(r.status()).isEqualTo(200);
        List<String> expected = expect(who, w -> switch (w) {
            case GUEST, OTHER -> List.of(s.bobPost());
            case OWNER, SUPERUSER -> List.of(s.annDraft(), s.bobPost());
        });
        assertThat(ids(r.json().get("items"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(r.json().get("totalItems").asInt()).isEqualTo(expected.size());
        if (who != Who.SUPERUSER) { // hidden fields are printed to superusers only
            assertThat(r.body()).doesNotContain(Scenario.SECRET).doesNotContain("bob-secret");
        }
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void viewOfADraftIsTheOwnersOnly(Who who) {
        Response r = get(records(s.posts()) + "/" + s.annDraft(), token(who));
        boolean allowed = who == Who.OWNER || who == Who.SUPERUSER;
        assertThat(r.status()).isEqualTo(allowed ? 200 : 404);
        if (who != Who.SUPERUSER) {
            assertThat(r.body()).doesNotContain(Scenario.SECRET);
        }
        if (!allowed) {
            assertThat(r.body()).doesNotContain("ann draft");
        }
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void createMustMakeTheCallerTheOwner(Who who) {
        int before = count(s.posts());
        Response r = post(records(s.posts()), Map.of("title", "forged", "owner", s.ann().id()), token(who));
        boolean allowed = who == Who.OWNER || who == Who.SUPERUSER;
        assertThat(r.status()).isEqualTo(allowed ? 200 : 400);
        assertThat(count(s.posts())).isEqualTo(before + (allowed ? 1 : 0));
        if (allowed) {
            assertThat(delete(records(s.posts()) + "/" + r.json().get("id").asString(), superuser()).status())
                    .isEqualTo(204);
        }
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void updateAndDeleteOfADraftAreTheOwners(Who who) {
        String id = seed(s.posts(), Map.of("title", "draft", "published", false, "owner", s.ann().id()));
        boolean allowed = who == Who.OWNER || who == Who.SUPERUSER;
        Response update = patch(records(s.posts()) + "/" + id, Map.of("title", "changed", "published", true),
                token(who));
        assertThat(update.status()).isEqualTo(allowed ? 200 : 404);
        JsonNode stored = stored(s.posts(), id);
        assertThat(stored.get("title").asString()).isEqualTo(allowed ? "changed" : "draft");
        assertThat(stored.get("published").asBoolean()).isEqualTo(allowed);
        Response remove = delete(records(s.posts()) + "/" + id, token(who));
        assertThat(remove.status()).isEqualTo(allowed ? 204 : 404);
        assertThat(get(records(s.posts()) + "/" + id, superuser()).status()).isEqualTo(allowed ? 404 : 200);
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void aSuperusersOnlyCollectionIsClosedOnEveryOperation(Who who) {
        String base = records(s.vault());
        String one = base + "/" + s.vaultRecord();
        int status = who == Who.SUPERUSER ? 200 : 403;
        assertThat(get(base, token(who)).status()).isEqualTo(status);
        assertThat(get(one, token(who)).status()).isEqualTo(status);
        if (who != Who.SUPERUSER) {
            assertThat(get(base, token(who)).body()).doesNotContain("42");
            assertThat(post(base, Map.of("code", "x"), token(who)).status()).isEqualTo(403);
            assertThat(patch(one, Map.of("code", "x"), token(who)).status()).isEqualTo(403);
            assertThat(delete(one, token(who)).status()).isEqualTo(403);
            assertThat(stored(s.vault(), s.vaultRecord()).get("code").asString()).isEqualTo("42");
            assertThat(count(s.vault())).isEqualTo(1);
        }
    }

    static List<String> ids(JsonNode items) {
        return items.valueStream().map(i -> i.get("id").asString()).toList();
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
