package dev.basalt.security;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The data every security test attacks: users Ann and Bob (their collection shows each user only to themselves and
 * has a hidden {@code note}); a superusers-only {@code vault}; {@code posts} (owner-only drafts, public when
 * published, a hidden {@code secret}, a relation to the vault and to the owner); {@code comments} anyone can read.
 * Ann owns a draft with secret {@code s3cr3t} linked to vault code {@code 42}; Bob owns a published post.
 */
record Scenario(String users, String vault, String posts, String comments, SecurityFixtures.User ann,
                SecurityFixtures.User bob, String annDraft, String bobPost, String vaultRecord) {
    static final String OWNER = "owner = @request.auth.id";
    static final String SECRET = "s3cr3t";

    static Scenario create(SecurityFixtures f) {
        JsonNode users = f.users(List.of(SecurityFixtures.field("name", "text"),
                Map.of("name", "note", "type", "text", "hidden", true)));
        String u = users.get("name").asString();
        SecurityFixtures.User ann = f.user(u, "ann@" + u.replace("_", "-") + ".example.com", Map.of("name", "Ann", "note", "ann-note"));
        SecurityFixtures.User bob = f.user(u, "bob@" + u.replace("_", "-") + ".example.com", Map.of("name", "Bob", "note", "bob-note"));
        JsonNode vault = f.base("vault", List.of(SecurityFixtures.field("code", "text")), null, null, null, null,
                null);
        String vaultRecord = f.seed(vault.get("name").asString(), Map.of("code", "42"));
        JsonNode posts = f.base("posts", List.of(SecurityFixtures.field("title", "text"),
                        SecurityFixtures.field("published", "bool"),
                        Map.of("name", "secret", "type", "text", "hidden", true),
                        SecurityFixtures.relation("owner", users.get("id").asString(), 1),
                        SecurityFixtures.relation("vault", vault.get("id").asString(), 1)),
                "published = true || " + OWNER, "published = true || " + OWNER, OWNER, OWNER, OWNER);
        String p = posts.get("name").asString();
        String annDraft = f.seed(p, Map.of("title", "ann draft", "published", false, "secret", SECRET,
                "owner", ann.id(), "vault", vaultRecord));
        String bobPost = f.seed(p, Map.of("title", "bob public", "published", true, "secret", "bob-secret",
                "owner", bob.id()));
        JsonNode comments = f.base("comments", List.of(SecurityFixtures.field("message", "text"),
                SecurityFixtures.relation("post", posts.get("id").asString(), 1)), "", "", null, null, null);
        f.seed(comments.get("name").asString(), Map.of("message", "on ann's draft", "post", annDraft));
        return new Scenario(u, vault.get("name").asString(), p, comments.get("name").asString(), ann, bob, annDraft,
                bobPost, vaultRecord);
    }
}
