package dev.basalt.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.TestDatabase;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-memory evaluation of {@link RowCondition} against PostgreSQL: every filter of {@link QueryPostgresTest}
 * is evaluated row by row in memory and as SQL on the same rows, and both must agree wherever memory decides.
 */
@Tag("db")
class RowConditionTest {
    private static DSLContext db;
    private static List<Map<String, Object>> rows;
    private final QueryCompiler compiler = new QueryCompiler();

    @BeforeAll
    static void createTable() {
        db = DSL.using(TestDatabase.newDataSource(), SQLDialect.POSTGRES);
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
                ('p5', 'Back\\slash', 2, false, '2024-05-16 00:00:00Z', 'null', '{c}', 's5'),
                ('p6', 'Ünïcode', 1e20, true, null, null, '{Ä}', '')""");
        QuerySpec all = new QuerySpec(QueryFixtures.POSTS, List.of("id", "title", "views", "active", "published",
                "meta", "tags", "secret"), List.of(), "id", false, null, RequestContext.anonymous());
        rows = new PlanRenderer().select(db, new QueryCompiler().plan(all)).fetch().stream()
                .map(RowConditionTest::values).toList();
    }

    private static Map<String, Object> values(Record r) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (org.jooq.Field<?> f : r.fields()) {
            row.put(f.getName(), r.get(f));
        }
        return row;
    }

    static Stream<Arguments> filters() {
        return Stream.concat(QueryPostgresTest.filters(), Stream.of(
                Arguments.of("title ~ 'ü'", "p6"),
                Arguments.of("title:lower = 'ünïcode'", ""),
                Arguments.of("views ~ '1'", ""),
                Arguments.of("tags ?= 'ä'", ""),
                Arguments.of("title > 'a'", ""),
                Arguments.of("@request.auth.id = '' || views > 3", "")));
    }

    private static RequestContext user() {
        return new RequestContext(Map.of("id", "p3", "collectionId", "c1", "collectionName", "users",
                "roles", new String[] {"a", "x"}), Map.of("name", "hello"), QueryFixtures.CLOCK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void memoryAgreesWithSql(String filter, String ignoredExpectedIds) {
        RowCondition condition = compiler.rowCondition(filter, QueryFixtures.POSTS, user(), true, TableCatalog.EMPTY);
        List<String> bySql = db.select(DSL.field(DSL.name("posts", "id"), String.class))
                .from(DSL.table(DSL.name("posts"))).where(condition.sql()).fetch(r -> r.value1());
        for (Map<String, Object> row : rows) {
            Optional<Boolean> inMemory = condition.test(row);
            inMemory.ifPresent(v -> assertThat(v).as("%s on %s", filter, row.get("id"))
                    .isEqualTo(bySql.contains((String) row.get("id"))));
        }
    }

    @Test
    void rulesOnTheRecordAndAuthAreDecidedInMemory() {
        for (String rule : List.of("id = @request.auth.id", "@request.auth.id != '' && active = true",
                "tags ?= @request.auth.roles", "title ~ 'hello'", "published > '2024-01-01'", "tags:length = 2",
                "views >= 5.5 || secret = ''", "title:lower = 'hello world'")) {
            RowCondition condition = compiler.rowCondition(rule, QueryFixtures.POSTS, user(), true, TableCatalog.EMPTY);
            assertThat(condition.inMemory()).as(rule).isTrue();
            for (Map<String, Object> row : rows) {
                if (!row.get("id").equals("p6")) {
                    assertThat(condition.test(row)).as("%s on %s", rule, row.get("id")).isPresent();
                }
            }
        }
    }

    @Test
    void jsonAndTextOrderAreLeftToTheDatabase() {
        for (String rule : List.of("meta = 5", "meta ~ 'text'", "title > 'a'", "title <= views")) {
            RowCondition condition = compiler.rowCondition(rule, QueryFixtures.POSTS, user(), true, TableCatalog.EMPTY);
            assertThat(condition.inMemory()).as(rule).isFalse();
            assertThat(condition.test(rows.getFirst())).as(rule).isEmpty();
        }
    }

    @Test
    void nonAsciiCaseFoldingAndExponentNumbersAskTheDatabase() {
        Map<String, Object> row = new HashMap<>(rows.getFirst());
        row.put("title", "Ünïcode");
        row.put("views", 1e20);
        assertThat(compiler.rowCondition("title ~ 'ü'", QueryFixtures.POSTS, user(), true, TableCatalog.EMPTY).test(row)).isEmpty();
        assertThat(compiler.rowCondition("views ~ '1'", QueryFixtures.POSTS, user(), true, TableCatalog.EMPTY).test(row)).isEmpty();
        row.put("published", OffsetDateTime.parse("2024-05-15T12:00:00Z"));
        assertThat(compiler.rowCondition("published ~ '2024-05-15 12'", QueryFixtures.POSTS, user(), true, TableCatalog.EMPTY)
                .test(row)).contains(true);
    }
}
