package dev.basalt.bench;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionSchemas;
import dev.basalt.collections.fields.AutodateField;
import dev.basalt.collections.fields.BoolField;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.NumberField;
import dev.basalt.collections.fields.RelationField;
import dev.basalt.collections.fields.TextField;
import dev.basalt.query.RequestContext;
import dev.basalt.query.TableCatalog;
import dev.basalt.query.TableSchema;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collections and records the benchmarks share: {@code posts} (id, title, body, views, published, author,
 * created, updated) whose {@code author} relates to {@code users} (id, name, team), whose {@code team} relates to
 * {@code teams} (id, name). Built with Basalt's own collection and schema classes, as the server builds them.
 */
final class Fixtures {
    static final OffsetDateTime CREATED = OffsetDateTime.of(2024, 3, 1, 12, 30, 0, 0, ZoneOffset.UTC);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-15T10:20:30.456Z"), ZoneOffset.UTC);
    /** About 200 characters of body text. */
    static final String BODY = ("Basalt keeps every record in PostgreSQL and speaks PocketBase's API, so the same "
            + "clients work unchanged. This body is about two hundred characters long, like a short post. ").strip();

    static final Collection TEAMS = collection("pbc_teams", "teams", List.of(text("text_team_name", "name")));
    static final Collection USERS = collection("pbc_users", "users", List.of(text("text_user_name", "name"),
            relation("relation_team", "team", TEAMS.id())));
    static final Collection POSTS = collection("pbc_posts", "posts", List.of(
            text("text_title", "title"),
            text("text_body", "body"),
            new NumberField("number_views", "views", "number", false, false, false, false, null, null, true),
            new BoolField("bool_published", "published", "bool", false, false, false, false),
            relation("relation_author", "author", USERS.id())));
    static final List<Collection> ALL = List.of(POSTS, USERS, TEAMS);

    private Fixtures() {
    }

    /** The {@code posts} table as the records API hands it to the query compiler. */
    static TableSchema postsSchema() {
        return CollectionSchemas.of(POSTS, CollectionSchemas.finder(ALL));
    }

    /** Every table a relation path can reach, looked up as the server's catalog does. */
    static TableCatalog catalog() {
        return CollectionSchemas.catalog(ALL);
    }

    /** A signed-in user of {@code users}, the clock fixed. */
    static RequestContext signedInUser() {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("id", "u00000000000001");
        auth.put("collectionId", USERS.id());
        auth.put("collectionName", USERS.name());
        auth.put("name", "Ada");
        auth.put("team", "t00000000000001");
        return new RequestContext(auth, Map.of(), CLOCK);
    }

    /** A stored {@code posts} row (column values by field name, Java types as jOOQ returns them). */
    static Map<String, Object> postRow(int n) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", String.format("p%014d", n));
        row.put("title", "Post number " + n + ": notes on PostgreSQL");
        row.put("body", BODY);
        row.put("views", (double) (n * 37 % 1000));
        row.put("published", n % 3 != 0);
        row.put("author", String.format("u%014d", n % 7 + 1));
        row.put("created", CREATED.plusMinutes(n));
        row.put("updated", CREATED.plusMinutes(n).plusSeconds(42));
        return row;
    }

    /** {@code count} stored {@code posts} rows. */
    static List<Map<String, Object>> postRows(int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(postRow(i));
        }
        return rows;
    }

    private static Collection collection(String id, String name, List<Field> own) {
        List<Field> fields = new ArrayList<>();
        fields.add(TextField.idField());
        fields.addAll(own);
        fields.add(AutodateField.created());
        fields.add(AutodateField.updated());
        return new Collection(id, name, Collection.BASE, false, fields, List.of(), "", "", "", "", "",
                CREATED, CREATED);
    }

    private static TextField text(String id, String name) {
        return new TextField(id, name, "text", false, false, false, false, 0, 0, "", "", false);
    }

    private static RelationField relation(String id, String name, String collectionId) {
        return new RelationField(id, name, "relation", false, false, false, false, collectionId, false, 0, 1);
    }
}
