package dev.basalt.query;

import static dev.basalt.query.RelationFixtures.CATALOG;
import static dev.basalt.query.RelationFixtures.POSTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.basalt.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A property-based fuzz test of the filter compiler: thousands of generated expressions (well-formed ones from the
 * rule grammar, mutated ones and random text, with SQL-injection payloads in literals) must each either compile or
 * fail with a {@link QueryException} (a 400), never another exception; and compiled SQL must contain no value from
 * the expression: every literal is bound, the only inline strings are the compiler's own constants.
 */
class FilterFuzzTest {
    private static final int CASES = 4000;
    private static final long SEED = 20261122L;
    private static final Set<String> COMPILER_CONSTANTS = Set.of("''", "'%'", "'{\"\"}'", "'\\'",
            "'YYYY-MM-DD HH24:MI:SS.MS\"Z\"'", "'number'", "'boolean'", "'{}'", "'UTC'");
    private static final Pattern SQL_STRING = Pattern.compile("'(?:[^']|'')*'");
    private static final List<String> FIELDS = List.of("id", "title", "author", "editors", "reviewer", "author.name",
            "author.team.name", "editors.age", "comments_via_post.message", "labels_via_posts.name", "nope",
            "author.email", "@request.auth.id", "@request.auth.team.name", "@request.auth.roles",
            "@request.body.title", "@request.body.editors", "@request.body.author.name", "@request.query.q",
            "@request.headers.x_token", "@request.method", "@request.context", "@collection.users.name",
            "@collection.users:u.age", "@collection.teams.parent.name", "@collection.nope.x", "@request.nope",
            "title", "author.name", "@request.body.title", "@collection.users.name", "editors.age");
    private static final List<String> MODIFIERS = List.of("", "", "", ":lower", ":length", ":each", ":isset",
            ":changed", ":upper", ":lower:length");
    private static final List<String> OPERATORS = List.of("=", "!=", ">", ">=", "<", "<=", "~", "!~", "?=", "?!=",
            "?>", "?~", "?!~", "==", "=>");
    private static final List<String> PAYLOADS = List.of("x", "", "'; DROP TABLE posts; --", "\\' OR 1=1 --",
            "%_\\", "$1", "?", "{:x}", "2024-01-01 10:00:00", "\u0000", "ü\u2028");
    private static final List<String> VALUES = List.of("1", "-2.5", "true", "false", "null", "@now", "@yesterday",
            "@nowx", "{:name}", "{:missing}", "1e3");

    private final QueryCompiler compiler = new QueryCompiler();
    /** The vocabulary test's request, with a placeholder holding SQL. */
    private static final RequestContext REQUEST = placeholders(RuleVocabularyCompilationTest.request(),
            java.util.Map.of("name", "'; DROP TABLE x; --"));
    private final Random random = new Random(SEED);

    @Test
    void noCrashAndNoUnboundValue() {
        int compiled = 0;
        for (int i = 0; i < CASES; i++) {
            String filter = switch (i % 4) {
                case 0, 1 -> expression(0);
                case 2 -> mutate(expression(0));
                default -> noise();
            };
            for (boolean allowHidden : new boolean[] {true, false}) {
                try {
                    Condition c = compiler.condition(filter, POSTS, REQUEST, allowHidden, CATALOG);
                    compiled++;
                    assertNoInlineValue(filter, QueryFixtures.sql(c));
                } catch (QueryException e) {
                    assertThat(e.status()).as(filter).isEqualTo(400);
                } catch (RuntimeException e) {
                    throw new AssertionError("crash on " + filter, e);
                }
            }
        }
        System.out.println("fuzz: compiled " + compiled + " of " + 2 * CASES);
        assertThat(compiled).as("the generator must produce valid filters too").isGreaterThan(CASES / 10);
    }

    /** Every compiled condition also runs in PostgreSQL: no generated filter makes a failing (5xx) query. */
    @Test
    @Tag("db")
    void everyCompiledConditionRunsInPostgres() throws SQLException {
        try (Connection connection = TestDatabase.newDataSource().getConnection()) {
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
            String schema = "fuzz_" + Long.toString(System.nanoTime(), 36);
            db.execute("create schema " + schema);
            db.execute("set search_path = " + schema);
            db.execute("create table posts (id text not null default '', title text not null default '', "
                    + "author text not null default '', editors text[] not null default '{}', "
                    + "reviewer text not null default '')");
            db.execute("create table users (id text not null default '', name text not null default '', "
                    + "age double precision not null default 0, roles text[] not null default '{}', "
                    + "team text not null default '', email text not null default '')");
            db.execute("create table teams (id text not null default '', name text not null default '', "
                    + "parent text not null default '')");
            db.execute("create table comments (id text not null default '', message text not null default '', "
                    + "post text not null default '')");
            db.execute("create table labels (id text not null default '', name text not null default '', "
                    + "posts text[] not null default '{}')");
            db.execute("insert into teams values ('t1', 'core', ''), ('t2', 'sub', 't1')");
            db.execute("insert into users values ('u1', 'Ann', 30, '{admin}', 't2', 'a@x.io'), "
                    + "('u2', 'Bob', 40, '{}', '', 'b@x.io')");
            db.execute("insert into posts values ('p1', 'New', 'u1', '{u1,u2}', 'u2'), ('p2', '', '', '{}', '')");
            db.execute("insert into comments values ('c1', 'hi', 'p1')");
            db.execute("insert into labels values ('l1', 'red', '{p1,p2}')");
            int executed = 0;
            for (int i = 0; i < CASES; i++) {
                String filter = i % 2 == 0 ? expression(0) : mutate(expression(0));
                Condition c;
                try {
                    c = compiler.condition(filter, POSTS, RuleVocabularyCompilationTest.request(), true, CATALOG);
                } catch (QueryException e) {
                    continue;
                }
                try {
                    db.selectCount().from(DSL.table(DSL.name("posts"))).where(c).fetchOne();
                    executed++;
                } catch (RuntimeException e) {
                    throw new AssertionError("PostgreSQL refused " + filter + ": " + QueryFixtures.sql(c), e);
                }
            }
            assertThat(executed).isGreaterThan(CASES / 20);
            db.execute("drop schema " + schema + " cascade");
        }
    }

    private static void assertNoInlineValue(String filter, String sql) {
        Matcher m = SQL_STRING.matcher(sql);
        while (m.find()) {
            assertThat(COMPILER_CONSTANTS).as("inline string in SQL of " + filter + ": " + sql).contains(m.group());
        }
        assertThat(sql).as(filter).doesNotContain("DROP").doesNotContain("1=1");
    }

    private String expression(int depth) {
        int choice = random.nextInt(depth > 1 ? 1 : 4);
        return switch (choice) {
            case 0 -> comparison();
            case 1 -> expression(depth + 1) + " && " + expression(depth + 1);
            case 2 -> expression(depth + 1) + " || " + expression(depth + 1);
            default -> "(" + expression(depth + 1) + ")";
        };
    }

    private String comparison() {
        return operand() + " " + pick(OPERATORS) + " " + operand();
    }

    private String operand() {
        return switch (random.nextInt(3)) {
            case 0 -> pick(FIELDS) + pick(MODIFIERS);
            case 1 -> quote(pick(PAYLOADS));
            default -> pick(VALUES);
        };
    }

    private String quote(String text) {
        return random.nextBoolean() ? "'" + text.replace("'", "\\'") + "'" : "\"" + text.replace("\"", "\\\"") + "\"";
    }

    private String mutate(String text) {
        StringBuilder b = new StringBuilder(text);
        for (int i = 0; i < 1 + random.nextInt(3) && !b.isEmpty(); i++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, "()'\"&|:.@{}~?!=<>\\ ".charAt(random.nextInt(19)));
                default -> b.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return b.toString();
    }

    private String noise() {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            b.append((char) (random.nextInt(10) == 0 ? random.nextInt(0x3000) : 32 + random.nextInt(95)));
        }
        return b.toString();
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static RequestContext placeholders(RequestContext r, java.util.Map<String, Object> values) {
        return new RequestContext(r.auth(), values, r.clock(), r.info());
    }
}
