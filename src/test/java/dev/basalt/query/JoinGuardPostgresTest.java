package dev.basalt.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.basalt.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Join guards and masked columns against PostgreSQL: a client filter or sort (no hidden access) reaches a related
 * row only when that table's guard holds for the caller, through every kind of path, and reads an email only where
 * its visibility column is true; rules (hidden access) reach everything. The users' guard reads a relation of its
 * own ({@code team.public}), so guards with joins are covered too. The caller is Dan (u4, private team t2); Eve (u2) is on that team too, so
 * hidden from him.
 */
class JoinGuardPostgresTest {
    private static final TableSchema POSTS = TableSchema.of("g_posts", List.of(
            ColumnInfo.of("id", ColumnKind.TEXT), ColumnInfo.of("title", ColumnKind.TEXT),
            ColumnInfo.relation("author", "g_users", false), ColumnInfo.relation("editors", "g_users", true)));
    private static final TableSchema USERS = TableSchema.of("g_users", List.of(
            ColumnInfo.of("id", ColumnKind.TEXT), ColumnInfo.of("name", ColumnKind.TEXT),
            ColumnInfo.relation("team", "g_teams", false),
            new ColumnInfo("email", ColumnKind.TEXT, false, null, "emailVisibility"),
            ColumnInfo.of("emailVisibility", ColumnKind.BOOL)));
    private static final TableSchema TEAMS = TableSchema.of("g_teams", List.of(
            ColumnInfo.of("id", ColumnKind.TEXT), ColumnInfo.of("name", ColumnKind.TEXT),
            ColumnInfo.of("public", ColumnKind.BOOL)));
    private static final TableSchema COMMENTS = TableSchema.of("g_comments", List.of(
            ColumnInfo.of("id", ColumnKind.TEXT), ColumnInfo.of("msg", ColumnKind.TEXT),
            ColumnInfo.relation("post", "g_posts", false)));
    private static final Map<String, TableSchema> TABLES = Map.of("g_posts", POSTS, "g_users", USERS,
            "g_teams", TEAMS, "g_comments", COMMENTS);
    private static final Map<String, String> GUARDS = Map.of(
            "g_users", "team.public = true || id = @request.auth.id",
            "g_teams", "public = true",
            "g_comments", "msg != 'hidden'");
    private static final TableCatalog CATALOG = new TableCatalog() {
        @Override
        public TableSchema table(String name) {
            return TABLES.get(name);
        }

        @Override
        public String joinGuard(String name) {
            return GUARDS.get(name);
        }
    };
    private static DSLContext db;
    private final QueryCompiler compiler = new QueryCompiler();
    private final PlanRenderer renderer = new PlanRenderer();

    @BeforeAll
    static void createTables() {
        db = DSL.using(TestDatabase.newDataSource(), SQLDialect.POSTGRES);
        db.execute("create table g_teams (id text, name text not null default '', public boolean)");
        db.execute("create table g_users (id text, name text not null default '', team text not null default '',"
                + " email text not null default '', \"emailVisibility\" boolean not null default false)");
        db.execute("create table g_posts (id text, title text not null default '', author text not null default '',"
                + " editors text[] not null default '{}')");
        db.execute("create table g_comments (id text, msg text not null default '', post text not null default '')");
        db.execute("insert into g_teams values ('t1', 'open', true), ('t2', 'closed', false)");
        db.execute("insert into g_users values ('u1', 'zoe', 't1', 'zoe@x.io', false), "
                + "('u2', 'eve', 't2', 'eve@x.io', true), ('u3', 'cat', 't1', 'cat@x.io', true), "
                + "('u4', 'dan', 't2', 'dan@x.io', true)");
        db.execute("insert into g_posts values ('p1', 'one', 'u1', '{u1,u2}'), ('p2', 'two', 'u2', '{u2}'), "
                + "('p3', 'three', 'u3', '{}'), ('p4', 'four', 'u4', '{}')");
        db.execute("insert into g_comments values ('c1', 'hi', 'p1'), ('c2', 'hidden', 'p2')");
    }

    private static RequestContext dan() {
        return new RequestContext(Map.of("id", "u4", "collectionId", "cu", "collectionName", "g_users"), Map.of(),
                null);
    }

    static Stream<Arguments> clientFilters() {
        return Stream.of(
                arguments("author.name = 'zoe'", "p1", "p1"),
                arguments("author.name = 'eve'", "", "p2"),
                arguments("author.name = 'dan'", "p4", "p4"),
                arguments("author.name = ''", "p2", ""),
                arguments("author.team.name = 'closed'", "", "p2 p4"),
                arguments("author.team.name = 'open'", "p1 p3", "p1 p3"),
                arguments("editors.name ?= 'eve'", "", "p1 p2"),
                arguments("editors.name ?= 'zoe'", "p1", "p1"),
                arguments("g_comments_via_post.msg ?= 'hidden'", "", "p2"),
                arguments("g_comments_via_post.msg ?= 'hi'", "p1", "p1"),
                arguments("@collection.g_users.name ?= 'eve'", "", "p1 p2 p3 p4"),
                arguments("@collection.g_users:u.name ?= 'cat' && @collection.g_users:u.id ?= author", "p3", "p3"),
                arguments("@collection.g_teams.name = 'open'", "p1 p2 p3 p4", ""),
                arguments("@request.auth.team.name = 'closed'", "", "p1 p2 p3 p4"),
                arguments("author.email ~ 'zoe'", "", "p1"),
                arguments("author.email ~ 'cat'", "p3", "p3"),
                arguments("author.email:lower ~ 'zoe'", "", "p1"),
                arguments("author.email != 'nobody'", "p3 p4", "p1 p2 p3 p4"),
                arguments("@collection.g_users.email ?~ 'zoe'", "", "p1 p2 p3 p4"),
                arguments("@collection.g_users.email ?~ 'cat'", "p1 p2 p3 p4", "p1 p2 p3 p4"));
    }

    @ParameterizedTest
    @MethodSource("clientFilters")
    void clientFiltersReachOnlyGuardedRowsAndShownEmails(String filter, String asClient, String asRule) {
        assertThat(ids(filter, null, false)).as("client filter").isEqualTo(asClient);
        assertThat(ids(filter, null, true)).as("rule").isEqualTo(asRule);
    }

    @Test
    void sortsReadHiddenRowsAndEmailsAsNull() {
        assertThat(ids("", "-author.name", false)).as("eve is hidden: p2 sorts as NULL").isEqualTo("p1 p4 p3 p2");
        assertThat(ids("", "-author.name", true)).isEqualTo("p1 p2 p4 p3");
        TableSchema users = USERS;
        QuerySpec spec = new QuerySpec(users, List.of("id"), List.of(), "email", false, null, dan(), CATALOG);
        assertThat(String.join(" ", renderer.select(db, compiler.plan(spec)).fetch(r -> r.get("id", String.class))))
                .as("zoe's email is not visible: NULL, first").isEqualTo("u1 u3 u4 u2");
        QuerySpec rule = new QuerySpec(users, List.of("id"), List.of(), "-email", true, null, dan(), CATALOG);
        assertThat(String.join(" ", renderer.select(db, compiler.plan(rule)).fetch(r -> r.get("id", String.class))))
                .isEqualTo("u1 u2 u4 u3");
    }

    @Test
    void rowConditionsOfClientFiltersAreGuardedToo() {
        RowCondition c = compiler.rowCondition("author.name = 'eve'", POSTS, dan(), false, CATALOG);
        assertThat(c.inMemory()).isFalse();
        assertThat(db.fetchCount(DSL.table(DSL.name("g_posts")), c.sql())).isZero();
        RowCondition rule = compiler.rowCondition("author.name = 'eve'", POSTS, dan(), true, CATALOG);
        assertThat(db.fetchCount(DSL.table(DSL.name("g_posts")), rule.sql())).isEqualTo(1);
    }

    private String ids(String filter, String sort, boolean allowHidden) {
        QuerySpec spec = new QuerySpec(POSTS, List.of("id"), List.of(new FilterInput(filter, allowHidden, "filter")),
                sort == null ? "id" : sort, allowHidden, null, dan(), CATALOG);
        return String.join(" ", renderer.select(db, compiler.plan(spec)).fetch(r -> r.get("id", String.class)));
    }
}
