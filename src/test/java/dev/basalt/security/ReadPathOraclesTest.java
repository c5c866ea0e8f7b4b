package dev.basalt.security;

import static dev.basalt.security.RecordsAccessMatrixTest.encode;
import static dev.basalt.security.SecurityFixtures.records;
import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.realtime.SseStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One table: every {@link ReadPath} times yes/no probes about a protected value. Each path must answer a control
 * question correctly (the caller's own note, Cat's visible email, a superuser reading the hidden field), which
 * proves the probe works, and must give Bob the same answer whether or not his guess about Ann's value is right,
 * which proves it is no oracle. {@link #extractionRecoversNothing} measures a character-by-character attack.
 */
class ReadPathOraclesTest extends SecurityFixtures {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String WRONG = "zz9";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-.@";
    private static final int MAX_EXTRACTED = 40;
    private static JoinScenario s;

    /** The row a probe asks about and its protected value. */
    private record Target(String row, String tag, String value) {
    }

    @BeforeEach
    void scenario() {
        if (s == null) {
            s = JoinScenario.create(this);
        }
    }

    private Target annTarget(ReadPath.Protected value) {
        return switch (value) {
            case LISTED_ROW -> new Target(s.annNote().id(), s.annNote().tag(), JoinScenario.ANN_SECRET);
            case EMAIL -> new Target(s.ann().id(), null, s.annPerson().email());
            case HIDDEN_FIELD -> new Target(s.ann().id(), null, JoinScenario.ANN_HINT);
        };
    }

    /** A value the control caller may read through the path, and that caller's token. */
    private Map.Entry<String, Target> control(ReadPath.Protected value) {
        return switch (value) {
            case LISTED_ROW -> Map.entry(s.bob().token(),
                    new Target(s.bobNote().id(), s.bobNote().tag(), JoinScenario.BOB_SECRET));
            case EMAIL -> Map.entry(s.bob().token(), new Target(s.cat().id(), null, s.catPerson().email()));
            case HIDDEN_FIELD -> Map.entry(superuser(), new Target(s.ann().id(), null, JoinScenario.ANN_HINT));
        };
    }

    @ParameterizedTest
    @EnumSource(ReadPath.class)
    void noReadPathAnswersAboutWhatTheCallerMayNotRead(ReadPath path) throws Exception {
        Map.Entry<String, Target> control = control(path.value);
        String known = control.getValue().value().substring(0, 5);
        assertThat(answer(path, control.getKey(), control.getValue(), known)).as("control: right guess").isTrue();
        assertThat(answer(path, control.getKey(), control.getValue(), WRONG)).as("control: wrong guess").isFalse();
        Target ann = annTarget(path.value);
        boolean right = answer(path, s.bob().token(), ann, ann.value().substring(0, 5));
        boolean wrong = answer(path, s.bob().token(), ann, WRONG);
        assertThat(right).as("Bob's right guess about Ann's value").isEqualTo(wrong).isFalse();
    }

    /** Recovers Ann's values one character at a time through every cheap path: nothing comes out. */
    @Test
    void extractionRecoversNothing() throws Exception {
        Map.Entry<String, Target> control = control(ReadPath.Protected.LISTED_ROW);
        int[] requests = new int[1];
        assertThat(extract(ReadPath.RELATION_FILTER, control.getKey(), control.getValue(), requests))
                .as("the extractor works on a readable value").isEqualTo(JoinScenario.BOB_SECRET);
        System.out.println("ORACLE control RELATION_FILTER on Bob's own note: " + requests[0] + " requests");
        Map<ReadPath, String> recovered = new java.util.EnumMap<>(ReadPath.class);
        for (ReadPath path : ReadPath.values()) {
            if (!path.prefixOracle) {
                continue;
            }
            requests[0] = 0;
            recovered.put(path, extract(path, s.bob().token(), annTarget(path.value), requests));
            System.out.println("ORACLE " + path + ": " + requests[0] + " requests, recovered '"
                    + recovered.get(path) + "'");
        }
        assertThat(recovered).allSatisfy((path, value) -> assertThat(value).as(path.toString()).isEmpty());
    }

    private String extract(ReadPath path, String token, Target target, int[] requests) throws Exception {
        StringBuilder known = new StringBuilder();
        outer:
        while (known.length() < MAX_EXTRACTED) {
            for (char c : ALPHABET.toCharArray()) {
                requests[0]++;
                if (answer(path, token, target, known.toString() + c)) {
                    known.append(c);
                    continue outer;
                }
            }
            break;
        }
        return known.toString();
    }

    /** Whether the path tells {@code token}'s caller that the target's value starts with (or sorts after) p. */
    private boolean answer(ReadPath path, String token, Target t, String p) throws Exception {
        String like = " ~ '" + p + "%'";
        String anyLike = " ?~ '" + p + "%'";
        String row = "'" + t.row() + "'";
        return switch (path) {
            case RELATION_FILTER -> any(s.comments(), "note = " + row + " && note.secret" + like, token);
            case BACK_RELATION_FILTER -> any(s.tags(), "id = '" + t.tag() + "' && " + s.notes()
                    + "_via_tag.secret" + anyLike, token);
            case COLLECTION_FILTER -> any(s.comments(), "@collection." + s.notes() + ".id ?= " + row
                    + " && @collection." + s.notes() + ".secret" + anyLike, token);
            case RELATION_SORT -> {
                Response set = patch(records(s.notes()) + "/" + s.probeNote(), Map.of("secret", p), s.bob().token());
                assertThat(set.status()).as(set.body()).isEqualTo(200);
                yield firstIs(s.comments(), "note = " + row + " || note = '" + s.probeNote() + "'", "note.secret",
                        "note", s.probeNote(), token);
            }
            case REALTIME_FILTER -> realtime(token, s.comments(), "note = " + row + " && note.secret" + like,
                    () -> seed(s.comments(), Map.of("message", "probe", "note", t.row())),
                    "note = '" + s.probeNote() + "'",
                    () -> seed(s.comments(), Map.of("message", "sentinel", "note", s.probeNote())));
            case EXPAND -> expanded(records(s.comments()) + "?filter=" + encode("note = " + row) + "&expand=note",
                    "note", "secret", token, p);
            case EXPAND_FIELDS -> expanded(records(s.comments()) + "?filter=" + encode("note = " + row)
                    + "&expand=note&fields=" + encode("expand.note.secret"), "note", "secret", token, p);
            case EMAIL_FILTER -> any(s.people(), "id = " + row + " && email" + like, token);
            case EMAIL_LOWER_FILTER -> any(s.people(), "id = " + row + " && email:lower" + like, token);
            case EMAIL_RELATION_FILTER -> any(s.comments(), "author = " + row + " && author.email" + like, token);
            case EMAIL_COLLECTION_FILTER -> any(s.comments(), "@collection." + s.people() + ".id ?= " + row
                    + " && @collection." + s.people() + ".email" + anyLike, token);
            case EMAIL_REALTIME_FILTER -> peopleRealtime(token, "id = " + row + " && email" + like, t.row());
            case EMAIL_EXPAND -> expanded(records(s.comments()) + "?filter=" + encode("author = " + row)
                    + "&expand=author", "author", "email", token, p);
            case HIDDEN_FILTER -> any(s.people(), "id = " + row + " && hint" + like, token);
            case HIDDEN_RELATION_FILTER -> any(s.comments(), "author = " + row + " && author.hint" + like, token);
            case HIDDEN_COLLECTION_FILTER -> any(s.comments(), "@collection." + s.people() + ".id ?= " + row
                    + " && @collection." + s.people() + ".hint" + anyLike, token);
            case HIDDEN_SORT -> {
                seedPatch(s.people(), s.bob().id(), Map.of("hint", p));
                yield firstIs(s.people(), "id = " + row + " || id = '" + s.bob().id() + "'", "hint", "id",
                        s.bob().id(), token);
            }
            case HIDDEN_REALTIME_FILTER -> peopleRealtime(token, "id = " + row + " && hint" + like, t.row());
            case HIDDEN_EXPAND -> expanded(records(s.comments()) + "?filter=" + encode("author = " + row)
                    + "&expand=author", "author", "hint", token, p);
            case HIDDEN_FIELDS -> {
                JsonNode user = get(records(s.people()) + "/" + t.row() + "?fields=hint", token).json();
                yield user.has("hint") && user.get("hint").asString().startsWith(p);
            }
        };
    }

    /** True when the filtered list is answered and not empty (a refused filter answers nothing). */
    private boolean any(String collection, String filter, String token) {
        Response r = get(records(collection) + "?filter=" + encode(filter), token);
        return r.status() == 200 && r.json().get("totalItems").asInt() > 0;
    }

    /** True when the first record of the sorted list has {@code field} = {@code value}. */
    private boolean firstIs(String collection, String filter, String sort, String field, String value,
                            String token) {
        Response r = get(records(collection) + "?filter=" + encode(filter) + "&sort=" + encode(sort), token);
        return r.status() == 200 && r.json().get("items").get(0).get(field).asString().equals(value);
    }

    /** True when an expanded record's field starts with p. */
    private boolean expanded(String path, String relation, String field, String token, String p) {
        Response r = get(path, token);
        JsonNode related = r.status() == 200 ? r.json().at("/items/0/expand/" + relation + "/" + field) : null;
        return related != null && related.isString() && related.asString().startsWith(p);
    }

    private void seedPatch(String collection, String id, Map<String, Object> values) {
        Response r = patch(records(collection) + "/" + id, values, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private boolean peopleRealtime(String token, String filter, String target) throws Exception {
        return realtime(token, s.people(), filter,
                () -> seedPatch(s.people(), target, Map.of("name", "probe " + System.nanoTime())),
                "id = '" + s.bob().id() + "'",
                () -> seedPatch(s.people(), s.bob().id(), Map.of("name", "sentinel " + System.nanoTime())));
    }

    /**
     * True when a subscription with {@code filter} receives the probe change. A second subscription that always
     * matches receives a later sentinel change; changes reach a client in commit order, so once the sentinel
     * arrives the probe's event would have arrived before it.
     */
    private boolean realtime(String token, String collection, String filter, Runnable probe, String sentinelFilter,
                             Runnable sentinel) throws Exception {
        String probeTopic = topic(collection, filter);
        String sentinelTopic = topic(collection, sentinelFilter);
        try (SseStream sse = new SseStream(baseUrl())) {
            Response r = post("/api/realtime", Map.of("clientId", sse.clientId, "subscriptions",
                    List.of(probeTopic, sentinelTopic)), token);
            assertThat(r.status()).as(r.body()).isEqualTo(204);
            probe.run();
            sentinel.run();
            boolean probed = false;
            for (SseStream.Event e = sse.next(WAIT); e != null && !e.ended(); e = sse.next(WAIT)) {
                if (e.name().equals(sentinelTopic)) {
                    return probed;
                }
                probed |= e.name().equals(probeTopic);
            }
            throw new AssertionError("the sentinel event never arrived");
        }
    }

    private static String topic(String collection, String filter) {
        return collection + "/*?options=" + encode(JSON.writeValueAsString(Map.of("query", Map.of("filter", filter))));
    }
}
