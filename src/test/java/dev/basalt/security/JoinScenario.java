package dev.basalt.security;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The data of the read-path oracle tests: a public auth collection {@code people} (hidden field {@code hint}) with
 * Ann and Bob (emails not visible) and Cat (email visible); {@code notes} each owner alone may list (a visible
 * {@code secret}, relations to the owner and to a public {@code tags} record); public {@code comments} that point at
 * notes and name an author. Ann's note holds {@link #ANN_SECRET}; Bob attacks it through every read path, and reads
 * his own note ({@link #BOB_SECRET}) and Cat's email through the same paths as controls.
 */
record JoinScenario(String people, String tags, String notes, String comments, SecurityFixtures.User ann,
                    SecurityFixtures.User bob, SecurityFixtures.User cat, Person annPerson, Person catPerson,
                    Note annNote, Note bobNote, String probeNote) {
    static final String ANN_SECRET = "alpha7q";
    static final String BOB_SECRET = "beta3x";
    static final String ANN_HINT = "annhint9";
    static final String OWNER = "owner = @request.auth.id";

    /** A note with its tag. */
    record Note(String id, String tag, String secret) {
    }

    /** A person with their email and hidden hint. */
    record Person(String id, String email, String hint) {
    }

    static JoinScenario create(SecurityFixtures f) {
        JsonNode people = f.collection("people", Map.of("type", "auth", "fields", List.of(
                        SecurityFixtures.field("name", "text"), Map.of("name", "hint", "type", "text", "hidden", true)),
                "listRule", "", "viewRule", "", "createRule", "", "updateRule", "id = @request.auth.id"));
        String p = people.get("name").asString();
        long n = System.nanoTime() % 1_000_000;
        String annEmail = "ann-" + n + "@ex.io";
        String catEmail = "cat-" + n + "@ex.io";
        SecurityFixtures.User ann = f.user(p, annEmail, Map.of("name", "Ann", "hint", ANN_HINT));
        SecurityFixtures.User bob = f.user(p, "bob-" + n + "@ex.io", Map.of("name", "Bob", "hint", "bobhint"));
        SecurityFixtures.User cat = f.user(p, catEmail, Map.of("name", "Cat", "emailVisibility", true));
        JsonNode tags = f.base("tags", List.of(SecurityFixtures.field("name", "text")), "", "", null, null, null);
        String t = tags.get("name").asString();
        String annTag = f.seed(t, Map.of("name", "a"));
        String bobTag = f.seed(t, Map.of("name", "b"));
        JsonNode notes = f.base("notes", List.of(SecurityFixtures.field("title", "text"),
                        SecurityFixtures.field("secret", "text"),
                        SecurityFixtures.relation("owner", people.get("id").asString(), 1),
                        SecurityFixtures.relation("tag", tags.get("id").asString(), 1)),
                OWNER, OWNER, OWNER, OWNER, OWNER);
        String no = notes.get("name").asString();
        Note annNote = new Note(f.seed(no, Map.of("title", "ann", "secret", ANN_SECRET, "owner", ann.id(),
                "tag", annTag)), annTag, ANN_SECRET);
        Note bobNote = new Note(f.seed(no, Map.of("title", "bob", "secret", BOB_SECRET, "owner", bob.id(),
                "tag", bobTag)), bobTag, BOB_SECRET);
        String probeNote = f.seed(no, Map.of("title", "probe", "secret", "", "owner", bob.id()));
        JsonNode comments = f.base("comments", List.of(SecurityFixtures.field("message", "text"),
                        SecurityFixtures.relation("note", notes.get("id").asString(), 1),
                        SecurityFixtures.relation("author", people.get("id").asString(), 1)),
                "", "", "", null, null);
        String c = comments.get("name").asString();
        f.seed(c, Map.of("message", "on ann's note", "note", annNote.id(), "author", ann.id()));
        f.seed(c, Map.of("message", "on bob's note", "note", bobNote.id(), "author", cat.id()));
        f.seed(c, Map.of("message", "bob's probe", "note", probeNote, "author", bob.id()));
        return new JoinScenario(p, t, no, c, ann, bob, cat, new Person(ann.id(), annEmail, ANN_HINT),
                new Person(cat.id(), catEmail, null), annNote, bobNote, probeNote);
    }
}
