package dev.basalt.query;

import static dev.basalt.query.QueryFixtures.params;
import static dev.basalt.query.QueryFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code geoDistance(lonA, latA, lonB, latB)} and JSON members such as a geoPoint's {@code location.lon}: filter text
 * to SQL and bound values. Every number, placeholder and JSON key is bound; the haversine formula is the compiler's.
 */
class GeoDistanceCompilationTest {
    private static final TableSchema PLACES = TableSchema.of("places", List.of(
            ColumnInfo.of("id", ColumnKind.TEXT),
            ColumnInfo.of("name", ColumnKind.TEXT),
            ColumnInfo.of("location", ColumnKind.JSON),
            ColumnInfo.of("lon", ColumnKind.NUMBER),
            ColumnInfo.of("lat", ColumnKind.NUMBER),
            ColumnInfo.of("open", ColumnKind.BOOL),
            ColumnInfo.of("tags", ColumnKind.TEXT_ARRAY),
            new ColumnInfo("secret", ColumnKind.JSON, true),
            ColumnInfo.relation("city", "cities", false),
            ColumnInfo.relation("cities", "cities", true)));
    private static final TableSchema CITIES = TableSchema.of("cities", List.of(
            ColumnInfo.of("id", ColumnKind.TEXT),
            ColumnInfo.of("center", ColumnKind.JSON)));
    private static final TableCatalog CATALOG = TableCatalog.of(Map.of("places", PLACES, "cities", CITIES));

    private static final String DOUBLE = "cast(? as double precision)";
    private static final String KEYS = "cast(? as text[])";

    private final QueryCompiler compiler = new QueryCompiler();

    /** The SQL of a JSON member read as a number (NULL when it is not a number). */
    private static String member(String column) {
        String json = "(" + column + " #> " + KEYS + ")";
        return "case when jsonb_typeof(" + json + ") = 'number' then cast((" + json + " #>> '{}') as double precision) end";
    }

    /** The haversine SQL of four rendered arguments. */
    private static String distance(String lonA, String latA, String lonB, String latB) {
        return "(cast(1.2742E4 as double precision) * cast(asin(least(sqrt((power(sin((radians((" + latB + " - "
                + latA + ")) / 2)), 2) + (cos(radians(" + latA + ")) * cos(radians(" + latB + ")) * power(sin((radians(("
                + lonB + " - " + lonA + ")) / 2)), 2)))), 1)) as double precision))";
    }

    static Stream<Arguments> cases() {
        // bound in SQL order: latB, latA, latA, latB, lonB, lonA (a JSON member binds its keys twice)
        List<String> lon = List.of("lon");
        List<String> lat = List.of("lat");
        String loc = distance(member("places.location"), member("places.location"), DOUBLE, DOUBLE);
        return Stream.of(
                row("geoDistance(location.lon, location.lat, 23.32, 42.69) < 25", loc + " < " + DOUBLE,
                        42.69, lat, lat, lat, lat, 42.69, 23.32, lon, lon, 25.0),
                row("geoDistance(23.32, 42.69, location.lon, location.lat) <= 25",
                        distance(DOUBLE, DOUBLE, member("places.location"), member("places.location")) + " <= " + DOUBLE,
                        lat, lat, 42.69, 42.69, lat, lat, lon, lon, 23.32, 25.0),
                row("geoDistance(lon, lat, {:lon}, {:lat}) > {:km}",
                        distance("places.lon", "places.lat", DOUBLE, DOUBLE) + " > " + DOUBLE, -2.0, -2.0, 1.5, 10.0),
                row("geoDistance(lon, lat, '1.5', null) = null",
                        distance("places.lon", "places.lat", DOUBLE, DOUBLE) + " is null", null, null, 1.5),
                row("geoDistance(lon, lat, 0, 0) != ''",
                        distance("places.lon", "places.lat", DOUBLE, DOUBLE) + " is not null", 0.0, 0.0, 0.0),
                row("25 > geoDistance(lon, lat, 0, 0)",
                        DOUBLE + " > " + distance("places.lon", "places.lat", DOUBLE, DOUBLE), 25.0, 0.0, 0.0, 0.0),
                row("geoDistance(lon, lat, 0, 0) < 5 || name = 'x'",
                        "(" + distance("places.lon", "places.lat", DOUBLE, DOUBLE) + " < " + DOUBLE
                                + " or places.name = ?)", 0.0, 0.0, 0.0, 5.0, "x"),
                // JSON members outside geoDistance compare like JSON values
                row("location.lat > 40", member("places.location") + " > " + DOUBLE, lat, lat, 40.0),
                row("location.lon = 0", member("places.location") + " = " + DOUBLE, lon, lon, 0.0));
    }

    private static Arguments row(String filter, String sql, Object... params) {
        return arguments(filter, sql, Arrays.asList(params));
    }

    private static RequestContext request() {
        Map<String, Object> placeholders = new HashMap<>();
        placeholders.put("lon", 1.5);
        placeholders.put("lat", "-2");
        placeholders.put("km", 10);
        placeholders.put("word", "far");
        placeholders.put("list", List.of("a"));
        return new RequestContext(Map.of(), placeholders, QueryFixtures.CLOCK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compiles(String filter, String expectedSql, List<Object> expectedParams) {
        Condition condition = compiler.condition(filter, PLACES, request(), false, CATALOG);
        assertThat(sql(condition)).isEqualTo(expectedSql);
        assertThat(params(condition)).isEqualTo(expectedParams);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("geoDistance(lon, lat, 1) < 5",
                        "geoDistance takes 4 arguments (lonA, latA, lonB, latB), got 3 at position 0"),
                arguments("geoDistance() < 5", "geoDistance takes 4 arguments (lonA, latA, lonB, latB), got 0 at position 0"),
                arguments("distance(lon, lat, 1, 2) < 5", "unknown function \"distance\" at position 0"),
                arguments("geoDistance(name, lat, 1, 2) < 5",
                        "geoDistance needs numbers, but \"name\" is not a number at position 12"),
                arguments("geoDistance(lon, lat, 'x', 2) < 5",
                        "geoDistance needs numbers, but \"'x'\" is not a number at position 22"),
                arguments("geoDistance(lon, lat, {:word}, 2) < 5",
                        "geoDistance needs numbers, but \"{:word}\" is not a number at position 22"),
                arguments("geoDistance(lon, lat, open, 2) < 5",
                        "geoDistance needs numbers, but \"open\" is not a number at position 22"),
                arguments("geoDistance(tags, lat, 1, 2) < 5",
                        "geoDistance needs single values, not the multi-valued \"tags\" at position 12"),
                arguments("geoDistance(cities.center.lon, lat, 1, 2) < 5",
                        "JSON members through multi-valued relations are not supported (\"cities.center.lon\") at position 12"),
                arguments("geoDistance(lon lat, 1, 2) < 5",
                        "expected \",\" or \")\" in the arguments of \"geoDistance\" but found \"lat\" at position 16"),
                arguments("geoDistance(lon, lat, 1, 2 < 5",
                        "expected \",\" or \")\" in the arguments of \"geoDistance\" but found \"<\" at position 27"),
                arguments("geoDistance(geoDistance(lon, lat, 1, 2), lat, 1, 2) < 5",
                        "function calls cannot be nested at position 12"),
                arguments("geoDistance(lon, lat, 1, 2, 3, 4, 5, 6, 7, 8, 9) < 5",
                        "too many arguments for \"geoDistance\" at position 46"),
                arguments("geoDistance(secret.lon, lat, 1, 2) < 5", "unknown field \"secret\" in \"secret.lon\" at position 12"),
                arguments("geoDistance(lon, lat, 1, 2)", "expected an operator after \")\" but found end of expression at position 27"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void refuses(String filter, String message) {
        assertThatThrownBy(() -> compiler.condition(filter, PLACES, request(), false, CATALOG))
                .isInstanceOfSatisfying(QueryException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("Invalid filter: " + message + "."));
    }
}
