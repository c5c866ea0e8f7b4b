package dev.basalt.query;

import static dev.basalt.query.QueryFixtures.POSTS;
import static dev.basalt.query.QueryFixtures.params;
import static dev.basalt.query.QueryFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Filter text to SQL and bound values, one row per language feature (signed-in user, fixed clock). */
class FilterCompilationTest {
    private static final String TAGS = "unnest(case when coalesce(cardinality(posts.tags), 0) = 0 "
            + "then cast('{\"\"}' as text[]) else posts.tags end) as e0 (v)";
    private static final String DATE_TEXT = "to_char(posts.published at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS\"Z\"')";
    private static final String JSON_TEXT = "(posts.meta #>> '{}')";
    private static final String DOUBLE = "cast(? as double precision)";
    private static final String TIMESTAMP = "cast(? as timestamp with time zone)";

    private final QueryCompiler compiler = new QueryCompiler();

    static Stream<Arguments> cases() {
        return Stream.of(
                // operators
                row("title = 'abc'", "posts.title = ?", "abc"),
                row("title != \"abc\"", "posts.title is distinct from ?", "abc"),
                row("views > 5", "posts.views > " + DOUBLE, 5.0),
                row("views >= 5", "posts.views >= " + DOUBLE, 5.0),
                row("views < -1.5", "posts.views < " + DOUBLE, -1.5),
                row("views <= 10", "posts.views <= " + DOUBLE, 10.0),
                row("title ~ 'Ab'", "posts.title ilike ? escape '\\'", "%Ab%"),
                row("title !~ 'Ab'", "posts.title not ilike ? escape '\\'", "%Ab%"),
                // any-of forms on single values are the plain operators
                row("title ?= 'abc'", "posts.title = ?", "abc"),
                row("views ?> 1", "posts.views > " + DOUBLE, 1.0),
                // && binds tighter than ||; parentheses group
                row("views >= 5 && views < 10 || views <= 1",
                        "((posts.views >= " + DOUBLE + " and posts.views < " + DOUBLE + ") or posts.views <= " + DOUBLE
                                + ")", 5.0, 10.0, 1.0),
                row("views = 1 && (title = 'a' || title = 'b')",
                        "(posts.views = " + DOUBLE + " and (posts.title = ? or posts.title = ?))", 1.0, "a", "b"),
                // strings, escapes, comments
                row("title = \"it\\\"s\"", "posts.title = ?", "it\"s"),
                row("title = 'it\\'s'", "posts.title = ?", "it's"),
                row("title = 'a\\b'", "posts.title = ?", "a\\b"),
                row("title = 'x' // the title\n && views > 1 // and more",
                        "(posts.title = ? and posts.views > " + DOUBLE + ")", "x", 1.0),
                // like patterns: explicit % is kept, otherwise _ % \ are escaped and the value wrapped
                row("title ~ 'a%b'", "posts.title ilike ? escape '\\'", "a%b"),
                row("title ~ 'a_b\\%'", "posts.title ilike ? escape '\\'", "%a\\_b\\%%"),
                row("title ~ ''", "posts.title ilike ? escape '\\'", "%%"),
                row("title ~ null", "false"),
                row("title ~ id", "posts.title ilike ('%' || posts.id || '%') escape '\\'"),
                row("views ~ 5", "cast(posts.views as text) ilike ? escape '\\'", "%5%"),
                // empty values: '' and null match NULL too
                row("title = ''", "(posts.title = '' or posts.title is null)"),
                row("title = null", "(posts.title = '' or posts.title is null)"),
                row("'' = title", "(posts.title = '' or posts.title is null)"),
                row("title != null", "(posts.title <> '' and posts.title is not null)"),
                row("published = ''", "posts.published is null"),
                row("published != null", "posts.published is not null"),
                row("views = null", "posts.views is null"),
                row("meta = null", "(" + JSON_TEXT + " = '' or " + JSON_TEXT + " is null)"),
                row("meta != ''", "(" + JSON_TEXT + " <> '' and " + JSON_TEXT + " is not null)"),
                row("null = ''", "true"),
                row("null != ''", "false"),
                row("'x' = ''", "false"),
                row("views > null", "false"),
                // coercion of literals to the column's kind
                row("published > '2024-01-01 10:00:00'", "posts.published > " + TIMESTAMP, date("2024-01-01T10:00:00Z")),
                row("published >= '2024-01-01T10:00:00.123Z'", "posts.published >= " + TIMESTAMP,
                        date("2024-01-01T10:00:00.123Z")),
                row("published < '2024-01-01'", "posts.published < " + TIMESTAMP, date("2024-01-01T00:00:00Z")),
                row("published = '2024-01-01 12:00:00+02:00'", "posts.published = " + TIMESTAMP,
                        date("2024-01-01T10:00:00Z")),
                row("published ~ '2024-01'", DATE_TEXT + " ilike ? escape '\\'", "%2024-01%"),
                row("published > 'soon'", DATE_TEXT + " > ?", "soon"),
                row("views = '5'", "posts.views = " + DOUBLE, 5.0),
                row("views = 'abc'", "cast(posts.views as text) = ?", "abc"),
                row("title = 5", "posts.title = ?", "5"),
                row("title = 2.5", "posts.title = ?", "2.5"),
                row("title = true", "posts.title = ?", "true"),
                row("active = true", "posts.active = ?", true),
                row("active = 1", "posts.active = ?", true),
                row("active != 'false'", "posts.active is distinct from ?", false),
                row("active = 'maybe'", "cast(posts.active as text) = ?", "maybe"),
                // JSON: text form, or number/bool scalars
                row("meta = 'x'", JSON_TEXT + " = ?", "x"),
                row("meta = 5", "case when jsonb_typeof(posts.meta) = 'number' then cast(" + JSON_TEXT
                        + " as double precision) end = " + DOUBLE, 5.0),
                row("meta = true", "case when jsonb_typeof(posts.meta) = 'boolean' then cast(" + JSON_TEXT
                        + " as boolean) end = ?", true),
                row("meta ~ 'abc'", JSON_TEXT + " ilike ? escape '\\'", "%abc%"),
                // column against column
                row("title = id", "coalesce(posts.title, '') = coalesce(posts.id, '')"),
                row("title != id", "coalesce(posts.title, '') <> coalesce(posts.id, '')"),
                row("title = views", "coalesce(posts.title, '') = coalesce(cast(posts.views as text), '')"),
                row("published = published", "posts.published is not distinct from posts.published"),
                row("published != title", "coalesce(" + DATE_TEXT + ", '') <> coalesce(posts.title, '')"),
                row("views > views", "posts.views > posts.views"),
                // literal against literal
                row("'a' = 'a'", "? = ?", "a", "a"),
                row("1 < 2", DOUBLE + " < " + DOUBLE, 1.0, 2.0),
                row("'5' = 5", DOUBLE + " = " + DOUBLE, 5.0, 5.0),
                // :lower
                row("title:lower = 'abc'", "lower(posts.title) = ?", "abc"),
                row("title:lower ~ 'AB'", "lower(posts.title) ilike ? escape '\\'", "%AB%"),
                row("views:lower = '5'", "lower(cast(posts.views as text)) = ?", "5"),
                row("title = @request.auth.email:lower", "posts.title = lower(?)", "A@x.io"),
                // multi-valued columns: ?op = at least one element, op = every element
                row("tags ?= 'a'", "exists (select 1 as one from " + TAGS + " where e0.v = ?)", "a"),
                row("tags = 'a'", "not exists (select 1 as one from " + TAGS
                        + " where (e0.v = ?) is distinct from true)", "a"),
                row("tags ?!= 'a'", "exists (select 1 as one from " + TAGS + " where e0.v is distinct from ?)", "a"),
                row("tags != 'a'", "not exists (select 1 as one from " + TAGS
                        + " where (e0.v is distinct from ?) is distinct from true)", "a"),
                row("tags ?~ 'x'", "exists (select 1 as one from " + TAGS + " where e0.v ilike ? escape '\\')", "%x%"),
                row("tags ?!~ 'x'", "exists (select 1 as one from " + TAGS + " where e0.v not ilike ? escape '\\')",
                        "%x%"),
                row("tags ?> 'm'", "exists (select 1 as one from " + TAGS + " where e0.v > ?)", "m"),
                row("tags ?>= 'm'", "exists (select 1 as one from " + TAGS + " where e0.v >= ?)", "m"),
                row("tags ?< 'm'", "exists (select 1 as one from " + TAGS + " where e0.v < ?)", "m"),
                row("tags ?<= 'm'", "exists (select 1 as one from " + TAGS + " where e0.v <= ?)", "m"),
                row("tags = ''", "not exists (select 1 as one from " + TAGS
                        + " where (e0.v = '' or e0.v is null) is distinct from true)"),
                row("tags:lower ?= 'a'", "exists (select 1 as one from " + TAGS + " where lower(e0.v) = ?)", "a"),
                row("tags:length > 1", "coalesce(cardinality(posts.tags), 0) > " + DOUBLE, 1.0),
                // @request.auth.*
                row("id = @request.auth.id", "posts.id = ?", "u1"),
                row("@request.auth.id != ''", "true"),
                row("@request.auth.collectionName = 'users'", "? = ?", "users", "users"),
                row("@request.auth.verified = true", "? = ?", true, true),
                row("@request.auth.avatar = ''", "true"),
                row("@request.auth.unknownKey = null", "true"),
                row("@request.auth.roles ?= 'admin'",
                        "exists (select 1 as one from unnest(cast(? as text[])) as e0 (v) where e0.v = ?)",
                        List.of("admin"), "admin"),
                // placeholders
                row("title = {:name}", "posts.title = ?", "Bob"),
                row("views > {:n}", "posts.views > " + DOUBLE, 5.0),
                row("title = {:nil}", "(posts.title = '' or posts.title is null)"),
                row("tags ?= {:list}", "exists (select 1 as one from " + TAGS
                        + ", unnest(cast(? as text[])) as e1 (v) where coalesce(e0.v, '') = coalesce(e1.v, ''))",
                        List.of("a", "b")),
                // macros (clock fixed at Wednesday 2024-05-15 10:20:30.456 UTC)
                row("published > @now", "posts.published > " + TIMESTAMP, date("2024-05-15T10:20:30.456Z")),
                row("published >= @todayStart && published <= @todayEnd",
                        "(posts.published >= " + TIMESTAMP + " and posts.published <= " + TIMESTAMP + ")",
                        date("2024-05-15T00:00:00Z"), date("2024-05-15T23:59:59.999Z")),
                row("published > @yesterday && published < @tomorrow",
                        "(posts.published > " + TIMESTAMP + " and posts.published < " + TIMESTAMP + ")",
                        date("2024-05-14T10:20:30.456Z"), date("2024-05-16T10:20:30.456Z")),
                row("published >= @monthStart && published <= @monthEnd",
                        "(posts.published >= " + TIMESTAMP + " and posts.published <= " + TIMESTAMP + ")",
                        date("2024-05-01T00:00:00Z"), date("2024-05-31T23:59:59.999Z")),
                row("published >= @yearStart && published <= @yearEnd",
                        "(posts.published >= " + TIMESTAMP + " and posts.published <= " + TIMESTAMP + ")",
                        date("2024-01-01T00:00:00Z"), date("2024-12-31T23:59:59.999Z")),
                row("views = @second || views = @minute || views = @hour",
                        "(posts.views = " + DOUBLE + " or posts.views = " + DOUBLE + " or posts.views = " + DOUBLE + ")",
                        30.0, 20.0, 10.0),
                row("views = @weekday || views = @day || views = @month || views = @year",
                        "(posts.views = " + DOUBLE + " or posts.views = " + DOUBLE + " or posts.views = " + DOUBLE
                                + " or posts.views = " + DOUBLE + ")", 3.0, 15.0, 5.0, 2024.0),
                row("title = @now", "posts.title = ?", "2024-05-15 10:20:30.456Z"),
                // keywords are case-insensitive
                row("active = TRUE || title = NULL",
                        "(posts.active = ? or posts.title = '' or posts.title is null)", true));
    }

    private static Arguments row(String filter, String sql, Object... params) {
        return arguments(filter, sql, Arrays.asList(params));
    }

    private static OffsetDateTime date(String iso) {
        return OffsetDateTime.parse(iso);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compiles(String filter, String expectedSql, List<Object> expectedParams) {
        Condition condition = compiler.condition(filter, POSTS, QueryFixtures.user(), false, TableCatalog.EMPTY);
        assertThat(sql(condition)).isEqualTo(expectedSql);
        assertThat(params(condition)).isEqualTo(expectedParams);
    }
}
