package dev.basalt.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.basalt.testing.TestDatabase;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs compiled queries on real PostgreSQL: the SQL is valid and matches the rows PocketBase would match. */
@org.junit.jupiter.api.Tag("db")
class QueryPostgresTest {
    private static DSLContext db;
    private final QueryCompiler compiler = new QueryCompiler();
    private final PlanRenderer renderer = new PlanRenderer();

    @BeforeAll
    static void createTable() {
        db = DSL.using(TestDatabase.newDataSource(), SQLDialect.POSTGRES);
        createPosts(db);
    }

    /** The posts table with its five rows (shared with {@link PlanTemplatePostgresTest}). */
    static void createPosts(DSLContext db) {
        db.execute("""
                create table posts (
                  id text not null default '', title text not null default '',
                  views double precision not null default 0, active boolean not null default false,
                  published timestamptz null, meta jsonb null, tags text[] not null default '{}',
                  secret text not null default '')""");
        db.execute("""
                insert into posts (id, title, views, active, published, meta, tags, secret) values
                ('p1', 'Hello World', 10, true, '2024-05-10 08:00:00Z', '{"a": 1}', '{a,b}', 's1'),
                ('p2', '', 0, false, null, null, '{}', ''),
                ('p3', '100% Sure_thing', 5.5, true, '2024-05-15 12:00:00Z', '"Text"', '{B}', ''),
                ('p4', 'hello', -1, false, '2023-12-31 23:59:59.999Z', '5', '{a}', ''),
                ('p5', 'Back\\slash', 2, false, '2024-05-16 00:00:00Z', 'null', '{c}', 's5')""");
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                arguments("title = ''", "p2"),
                arguments("title != ''", "p1 p3 p4 p5"),
                arguments("title ~ 'hello'", "p1 p4"),
                arguments("title !~ 'HELLO'", "p2 p3 p5"),
                arguments("title ~ '100%'", "p3"),
                arguments("title ~ '0\\% s'", "p3"),
                arguments("title ~ 'e_t'", "p3"),
                arguments("title ~ 'k\\sl'", "p5"),
                arguments("title:lower = 'hello world'", "p1"),
                arguments("views > 5", "p1 p3"),
                arguments("views >= '5.5'", "p1 p3"),
                arguments("views < 0 || views = 2", "p4 p5"),
                arguments("views ~ '5'", "p3"),
                arguments("active = true", "p1 p3"),
                arguments("active = 1 && active != 'false'", "p1 p3"),
                arguments("published = null", "p2"),
                arguments("published != ''", "p1 p3 p4 p5"),
                arguments("published >= @todayStart && published <= @todayEnd", "p3"),
                arguments("published > '2024-01-01'", "p1 p3 p5"),
                arguments("published = '2023-12-31 23:59:59.999Z'", "p4"),
                arguments("published ~ '2024-05'", "p1 p3 p5"),
                arguments("published < @yearStart", "p4"),
                arguments("published != '2024-05-10T08:00:00Z'", "p2 p3 p4 p5"),
                arguments("meta = null", "p2 p5"),
                arguments("meta != ''", "p1 p3 p4"),
                arguments("meta = 5", "p4"),
                arguments("meta > 4", "p4"),
                arguments("meta = 'Text'", "p3"),
                arguments("meta ~ 'text'", "p3"),
                arguments("meta ~ '\"a\"'", "p1"),
                arguments("meta = true", ""),
                arguments("tags ?= 'a'", "p1 p4"),
                arguments("tags = 'a'", "p4"),
                arguments("tags ?= 'b'", "p1"),
                arguments("tags:lower ?= 'b'", "p1 p3"),
                arguments("tags = ''", "p2"),
                arguments("tags ?= ''", "p2"),
                arguments("tags != ''", "p1 p3 p4 p5"),
                arguments("tags ?!= 'a'", "p1 p2 p3 p5"),
                arguments("tags != 'a'", "p2 p3 p5"),
                arguments("tags ~ 'a'", "p4"),
                arguments("tags ?~ 'B'", "p1 p3"),
                arguments("tags:length = 2", "p1"),
                arguments("tags ?= @request.auth.roles", "p1 p4"),
                arguments("id = @request.auth.id", "p3"),
                arguments("@request.auth.id != '' && active = true", "p1 p3"),
                arguments("title = {:name}", "p4"),
                arguments("id = 'p1' || (views < 0 && title:lower = 'hello')", "p1 p4"),
                arguments("secret != ''", "p1 p5"),
                arguments("title = views", ""),
                arguments("'a' = 'a' && 1 < 2 && @now > '2024-01-01'", "p1 p2 p3 p4 p5"));
    }

    private static RequestContext user() {
        return new RequestContext(Map.of("id", "p3", "collectionId", "c1", "collectionName", "users",
                "roles", new String[] {"a", "x"}), Map.of("name", "hello"), QueryFixtures.CLOCK);
    }

    private List<String> ids(QuerySpec spec) {
        return renderer.select(db, compiler.plan(spec)).fetch(r -> r.get("id", String.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void matchesTheRightRows(String filter, String expectedIds) {
        QuerySpec spec = new QuerySpec(QueryFixtures.POSTS, List.of("id"), List.of(FilterInput.rule(filter, "rule")),
                "id", false, null, user());
        List<String> expected = expectedIds.isEmpty() ? List.of() : List.of(expectedIds.split(" "));
        assertThat(ids(spec)).containsExactlyElementsOf(expected);
    }

    @Test
    void anonymousCallersMatchNothingThatNeedsAuth() {
        QuerySpec spec = new QuerySpec(QueryFixtures.POSTS, List.of("id"),
                List.of(FilterInput.rule("@request.auth.id != '' || id = @request.auth.id", "listRule")),
                null, false, null, QueryFixtures.anonymous());
        assertThat(ids(spec)).isEmpty();
    }

    @Test
    void pagesSortsAndCounts() {
        QuerySpec spec = new QuerySpec(QueryFixtures.POSTS, List.of("id", "published", "meta", "tags"),
                List.of(FilterInput.filter("views >= 0")), "-views,id", false, new PageRequest(1, 2), user());
        QueryPlan plan = compiler.plan(spec);
        List<Record> rows = renderer.select(db, plan).fetch();
        assertThat(rows).extracting(r -> r.get("id")).containsExactly("p1", "p3");
        assertThat(rows.getFirst().get("published")).isEqualTo(OffsetDateTime.parse("2024-05-10T08:00:00Z"));
        assertThat(rows.getFirst().get("meta")).isInstanceOf(JSONB.class);
        assertThat(rows.getFirst().get("tags")).isEqualTo(new String[] {"a", "b"});
        assertThat(renderer.count(db, plan).fetchOne().value1()).isEqualTo(4);

        QuerySpec second = new QuerySpec(QueryFixtures.POSTS, List.of("id"), spec.filters(), "-views,id", false,
                new PageRequest(2, 2), user());
        assertThat(ids(second)).containsExactly("p5", "p2");

        QuerySpec emptyFirst = new QuerySpec(QueryFixtures.POSTS, List.of("id"), List.of(), "published", false,
                null, user());
        assertThat(ids(emptyFirst)).containsExactly("p2", "p4", "p1", "p3", "p5");

        QuerySpec random = new QuerySpec(QueryFixtures.POSTS, List.of("id"), List.of(), "@random", false, null, user());
        assertThat(ids(random)).containsExactlyInAnyOrder("p1", "p2", "p3", "p4", "p5");
    }

    @Test
    void conditionChecksOneRecord() {
        var condition = compiler.condition("tags ?= 'b' && published < @now", QueryFixtures.POSTS, user(), false, TableCatalog.EMPTY);
        assertThat(db.fetchExists(DSL.selectOne().from(DSL.table(DSL.name("posts")))
                .where(DSL.field(DSL.name("posts", "id")).eq("p1")).and(condition))).isTrue();
        assertThat(db.fetchExists(DSL.selectOne().from(DSL.table(DSL.name("posts")))
                .where(DSL.field(DSL.name("posts", "id")).eq("p4")).and(condition))).isFalse();
    }
}
