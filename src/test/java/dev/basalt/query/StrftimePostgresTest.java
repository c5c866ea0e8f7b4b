package dev.basalt.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.basalt.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code strftime} compiled and run on PostgreSQL: each case is SQLite's answer for the same format, time and
 * modifiers (checked with SQLite 3.40 where it has the substitution; the newer ones as SQLite documents them).
 * The session runs in another time zone, so every answer is proven to be UTC's.
 */
@org.junit.jupiter.api.Tag("db")
class StrftimePostgresTest {
    private static final TableSchema EVENTS = TableSchema.of("events", List.of(
            ColumnInfo.of("id", ColumnKind.TEXT), ColumnInfo.of("title", ColumnKind.TEXT),
            ColumnInfo.of("at", ColumnKind.DATE), ColumnInfo.of("jd", ColumnKind.NUMBER),
            ColumnInfo.of("unix", ColumnKind.NUMBER), ColumnInfo.of("meta", ColumnKind.JSON),
            ColumnInfo.of("tags", ColumnKind.TEXT_ARRAY)));
    private static final String F = "%Y-%m-%d %H:%M:%S";
    private static DSLContext db;
    private final QueryCompiler compiler = new QueryCompiler();

    @BeforeAll
    static void createTable() {
        db = DSL.using(TestDatabase.newDataSource(), SQLDialect.POSTGRES);
        db.execute("""
                create table events (id text not null, title text not null default '', at timestamptz null,
                  jd double precision not null default 0, unix double precision not null default 0,
                  meta jsonb null, tags text[] not null default '{}')""");
        db.execute("""
                insert into events (id, title, at, jd, unix) values
                ('e1', '2026-01-02', '2026-01-02 01:02:03.456Z', 2460000.5, 1700000000),
                ('e2', '', null, 0, 0)""");
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                arguments("'%d|%f|%H|%j|%J|%m|%M|%s|%S|%w|%W|%Y|%%', at",
                        "02|03.456|01|002|2461042.543095556|01|02|1767315723|03|5|00|2026|%"),
                arguments("'%e|%F|%G|%g|%I|%k|%l|%p|%P|%R|%T|%u|%U|%V', at",
                        " 2|2026-01-02|2026|26|01| 1| 1|AM|am|01:02|01:02:03|5|00|01"),
                arguments("'%l%p %k %I', '2026-01-02 13:05:00'", " 1PM 13 01"),
                arguments("'%U %W %V %G %j %w', '2027-01-01'", "00 00 53 2026 001 5"),
                arguments("'%U %W', '2026-01-04'", "01 00"),
                arguments("'%W', '2026-01-05'", "01"),
                arguments("'%W %w', '2026-12-31'", "52 4"),
                arguments("'" + F + "', '2024-01-31 10:00:00', '+1 months'", "2024-03-02 10:00:00"),
                arguments("'" + F + "', '2024-01-31 10:00:00', '+1 months', 'floor'", "2024-02-29 10:00:00"),
                arguments("'%Y-%m-%d', '2026-03-31', '-1 month'", "2026-03-03"),
                arguments("'%Y-%m-%d', '2026-03-31', '-1 month', 'ceiling'", "2026-03-03"),
                arguments("'" + F + "', '2024-02-29', '+1 years'", "2025-03-01 00:00:00"),
                arguments("'" + F + "', at, 'start of month', '+1 days', '-2 hours'", "2026-01-01 22:00:00"),
                arguments("'" + F + "', at, '+1 years', '-2 months', '+3 days'", "2026-11-05 01:02:03"),
                arguments("'" + F + "', '2026-12-31 23:00:00', 'start of year'", "2026-01-01 00:00:00"),
                arguments("'" + F + "', '2026-06-15 13:14:15', 'start of day', '1.5 days'", "2026-06-16 12:00:00"),
                arguments("'%Y-%m-%d', '2026-01-02', 'weekday 0'", "2026-01-04"),
                arguments("'%Y-%m-%d', '2026-01-04', 'weekday 0'", "2026-01-04"),
                arguments("'" + F + "', '2026-01-02 01:02:03', '+01:30'", "2026-01-02 02:32:03"),
                arguments("'" + F + "', '2026-01-02 01:02:03', '-00:00:30.5'", "2026-01-02 01:01:32"),
                arguments("'" + F + "', '2026-01-02', '+1.5 hours', 'utc', 'localtime', 'subsec'",
                        "2026-01-02 01:30:00"),
                arguments("'" + F + "', unix, 'unixepoch'", "2023-11-14 22:13:20"),
                arguments("'" + F + "', 1700000000, 'auto'", "2023-11-14 22:13:20"),
                arguments("'" + F + "', jd", "2023-02-25 00:00:00"),
                arguments("'" + F + "', jd, 'auto'", "2023-02-25 00:00:00"),
                arguments("'" + F + "', '2460000.5'", "2023-02-25 00:00:00"),
                arguments("'" + F + "', '2026-01-02T03:04:05+02:00'", "2026-01-02 01:04:05"),
                arguments("'" + F + "', '12:30'", "2000-01-01 12:30:00"),
                arguments("'%s', '1969-12-31 23:59:59.5'", "-1"),
                arguments("'%Y', 'now'", "2024"),
                arguments("'%Y-%m-%d'", "2024-05-15"),
                arguments("'', '2026-01-02'", ""),
                arguments("'%Y', 'garbage'", ""),
                arguments("'%Y', null", ""),
                // PocketBase's most arguments: format, time and 8 modifiers
                arguments("'%Y-%m-%d', '2026-01-02'" + ", '+1 days'".repeat(8), "2026-01-10"));
    }

    private List<String> ids(String filter) {
        RequestContext request = new RequestContext(Map.of(), Map.of("day", "2026-01-02"), QueryFixtures.CLOCK);
        Condition c = compiler.condition(filter, EVENTS, request, false, TableCatalog.EMPTY);
        return db.transactionResult(cfg -> {
            // another zone than UTC: an answer that depended on it would differ
            cfg.dsl().execute("set local time zone 'America/Los_Angeles'");
            return cfg.dsl().select(DSL.field(DSL.name("id"), String.class)).from(DSL.table(DSL.name("events")))
                    .where(c).orderBy(DSL.field(DSL.name("id"))).fetch(0, String.class);
        });
    }

    @ParameterizedTest(name = "strftime({0}) = {1}")
    @MethodSource("answers")
    void givesSqlitesAnswerInUtc(String arguments, String expected) {
        String filter = "strftime(" + arguments + ") = '" + expected + "'";
        boolean constant = !arguments.matches(".*\\b(at|jd|unix)\\b.*");
        assertThat(ids(filter)).as(filter).containsExactlyElementsOf(constant ? List.of("e1", "e2") : List.of("e1"));
    }

    @Test
    void aMissingTimeReadsAsEmptyText() {
        assertThat(ids("strftime('%Y', at) = ''")).containsExactly("e2");
        assertThat(ids("strftime('%Y', at) != ''")).containsExactly("e1");
        assertThat(ids("strftime('%Y-%m', at) ~ '2026'")).containsExactly("e1");
    }

    @Test
    void comparesWithFieldsPlaceholdersAndOtherCalls() {
        // e2: no time reads as '', which its empty title equals (PocketBase's NULL fallback)
        assertThat(ids("strftime('%Y-%m-%d', at) = title")).containsExactly("e1", "e2");
        assertThat(ids("strftime('%Y-%m-%d', at) = {:day}")).containsExactly("e1");
        assertThat(ids("strftime('%Y', at) = strftime('%Y', '2026-06-01')")).containsExactly("e1");
        assertThat(ids("strftime('%Y', {:day}, '+1 years') = '2027'")).containsExactly("e1", "e2");
        assertThat(ids("strftime('%H', at) = '01' && strftime('%Y', @now) = '2024'")).containsExactly("e1");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("strftime() = ''", "strftime needs a format"),
                arguments("strftime(title, at) = ''", "strftime expects the first argument to be a format string"),
                arguments("strftime('%Q', at) = ''", "strftime: unsupported format '%Q'"),
                arguments("strftime('%Y%', at) = ''", "strftime: the format ends with a lone '%'"),
                arguments("strftime('%Y', title) = ''", "strftime needs a date field, a number or a datetime text"),
                arguments("strftime('%Y', meta) = ''", "strftime needs a date field, a number or a datetime text"),
                arguments("strftime('%Y', tags) = ''", "strftime needs a single time value"),
                arguments("strftime('%Y', at, '+1 fortnight') = ''", "strftime: unsupported modifier '+1 fortnight'"),
                arguments("strftime('%Y', at, 1) = ''", "strftime modifiers must be string literals"),
                arguments("strftime('%Y', at, '+1.5 months') = ''", "month and year modifiers must be whole numbers"),
                arguments("strftime('%Y', at, 'unixepoch') = ''", "'unixepoch' needs a number as the time value"),
                arguments("strftime('%Y', at, '1 day', 'unixepoch') = ''", "unsupported modifier 'unixepoch'"),
                arguments("strftime('%Y', at" + ", '1 day'".repeat(9) + ") = ''",
                        "too many arguments for \"strftime\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWhatItCannotMap(String filter, String detail) {
        assertThatThrownBy(() -> compiler.condition(filter, EVENTS, RequestContext.anonymous(), false, TableCatalog.EMPTY))
                .isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.getMessage()).contains(detail);
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    @Test
    void bindsTheValuesAndInlinesOnlyItsOwnPatterns() {
        Condition c = compiler.condition("strftime('%Y-%m', at, '+3 days') = 'x'", EVENTS,
                RequestContext.anonymous(), false, TableCatalog.EMPTY);
        // the shifted time is written once per substitution
        assertThat(QueryFixtures.params(c)).containsExactly(259200.0, "-", 259200.0, "x");
        assertThat(QueryFixtures.sql(c)).contains("to_char(", "'YYYY'", "at time zone 'UTC'")
                .doesNotContain("+3 days");
    }
}
