package dev.basalt.records;

import static dev.basalt.records.RelationFixtures.collection;
import static dev.basalt.records.RelationFixtures.relation;
import static dev.basalt.records.RelationFixtures.text;
import static dev.basalt.records.RelationFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The editor field (HTML sanitised on write) and the geoPoint field ({lon, lat} in jsonb) through the records API,
 * and geoDistance() in filters and rules, on geoPoint members, number fields and through a relation.
 */
class EditorGeoPointApiTest extends ApiTest {
    private static final Map<String, Object> SOFIA = Map.of("lon", 23.32, "lat", 42.69);
    private static final Map<String, Object> PLOVDIV = Map.of("lon", 24.75, "lat", 42.15);
    private static final Map<String, Object> VARNA = Map.of("lon", 27.91, "lat", 43.21);

    @Autowired
    private DataSource dataSource;

    private static Map<String, Object> field(String name, String type, Object... options) {
        Map<String, Object> f = new LinkedHashMap<>(Map.of("name", name, "type", type));
        for (int i = 0; i < options.length; i += 2) {
            f.put((String) options[i], options[i + 1]);
        }
        return f;
    }

    private String createPlaces(String name) {
        Response created = post("/api/collections", collection(name, text("name"),
                field("body", "editor", "maxSize", 2000, "convertURLs", true),
                field("location", "geoPoint", "required", true)), superuser());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().get("id").asString();
    }

    private Response create(String collection, Map<String, Object> body) {
        return post("/api/collections/" + collection + "/records", body, null);
    }

    private List<String> names(String collection, String filter, String token) {
        Response list = get("/api/collections/" + collection + "/records?sort=name&filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8), token);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        list.json().get("items").forEach(item -> names.add(item.get("name").asString()));
        return names;
    }

    @Test
    void editorHtmlIsSanitisedAndGeoPointsAreValidated() throws Exception {
        String places = unique("places");
        createPlaces(places);
        JsonNode definition = get("/api/collections/" + places, superuser()).json().get("fields");
        assertThat(definition.get(2).get("type").asString()).isEqualTo("editor");
        assertThat(definition.get(2).get("maxSize").asLong()).isEqualTo(2000);
        assertThat(definition.get(2).get("convertURLs").asBoolean()).isTrue();
        assertThat(definition.get(3).get("type").asString()).isEqualTo("geoPoint");
        assertThat(definition.get(3).get("required").asBoolean()).isTrue();

        Response created = create(places, Map.of("name", "Sofia", "location", SOFIA, "body",
                "<p><strong>Hi</strong> <a href=\"javascript:alert(1)\">x</a><img src=x onerror=alert(1)>"
                        + "<script>alert(2)</script><a href=\"https://sofia.bg\">site</a></p>"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String body = created.json().get("body").asString();
        assertThat(body).contains("<strong>Hi</strong>", "href=\"https://sofia.bg\"")
                .doesNotContain("javascript", "onerror", "script");
        assertThat(created.json().get("location").get("lon").asDouble()).isEqualTo(23.32);
        assertThat(created.json().get("location").get("lat").asDouble()).isEqualTo(42.69);
        String id = created.json().get("id").asString();
        assertThat(stored(places, "body", id)).isEqualTo(body);
        assertThat(stored(places, "location", id)).isEqualTo("{\"lat\": 42.69, \"lon\": 23.32}");

        Response badLat = create(places, Map.of("name", "x", "location", Map.of("lon", 10, "lat", 91)));
        assertThat(badLat.status()).isEqualTo(400);
        assertThat(badLat.json().get("data").get("location").get("code").asString())
                .isEqualTo("validation_invalid_latitude");
        assertThat(create(places, Map.of("name", "x", "location", Map.of("lon", -180.5, "lat", 0))).json()
                .get("data").get("location").get("code").asString()).isEqualTo("validation_invalid_longitude");
        assertThat(create(places, Map.of("name", "x")).json().get("data").get("location").get("code").asString())
                .isEqualTo("validation_required");
        assertThat(create(places, Map.of("name", "x", "location", "here")).json().get("data").get("location")
                .get("code").asString()).isEqualTo("validation_invalid_geo_point");
        Response tooBig = create(places, Map.of("name", "x", "location", SOFIA, "body", "<p>" + "a".repeat(2000) + "</p>"));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("data").get("body").get("code").asString())
                .isEqualTo("validation_content_size_limit");

        Response moved = patch("/api/collections/" + places + "/records/" + id,
                Map.of("location", "{\"lon\": 24.75, \"lat\": 42.15}"), null);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("location").get("lon").asDouble()).isEqualTo(24.75);
        assertThat(moved.json().get("body").asString()).isEqualTo(body);
    }

    @Test
    void columnsHavePocketBaseDefaults() throws Exception {
        String spots = unique("spots");
        Response created = post("/api/collections", collection(spots, text("name")), superuser());
        assertThat(created.status()).isEqualTo(200);
        String id = create(spots, Map.of("name", "old")).json().get("id").asString();
        Map<String, Object> update = new LinkedHashMap<>();
        List<Object> fields = new ArrayList<>();
        created.json().get("fields").forEach(fields::add);
        fields.add(field("where", "geoPoint"));
        fields.add(field("notes", "editor"));
        update.put("fields", fields);
        Response patched = patch("/api/collections/" + spots, update, superuser());
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);

        JsonNode old = get("/api/collections/" + spots + "/records/" + id, null).json();
        assertThat(old.get("where").get("lon").asDouble()).isZero();
        assertThat(old.get("where").get("lat").asDouble()).isZero();
        assertThat(old.get("notes").asString()).isEmpty();
        assertThat(columnDefault(spots, "where")).isEqualTo("'{\"lat\": 0, \"lon\": 0}'::jsonb");
        assertThat(columnDefault(spots, "notes")).isEqualTo("''::text");
    }

    @Test
    void geoDistanceFiltersByKilometres() {
        String places = unique("places");
        String placesId = createPlaces(places);
        for (var city : List.of(Map.entry("Sofia", SOFIA), Map.entry("Plovdiv", PLOVDIV), Map.entry("Varna", VARNA))) {
            assertThat(create(places, Map.of("name", city.getKey(), "location", city.getValue())).status())
                    .isEqualTo(200);
        }
        assertThat(names(places, "geoDistance(location.lon, location.lat, 23.32, 42.69) < 50", null))
                .containsExactly("Sofia");
        assertThat(names(places, "geoDistance(location.lon, location.lat, 23.32, 42.69) < 200", null))
                .containsExactly("Plovdiv", "Sofia");
        assertThat(names(places, "geoDistance(23.32, 42.69, location.lon, location.lat) > 131.8"
                + " && geoDistance(23.32, 42.69, location.lon, location.lat) < 131.9", null))
                .containsExactly("Plovdiv");
        assertThat(names(places, "geoDistance(location.lon, location.lat, location.lon, location.lat) = 0", null))
                .containsExactly("Plovdiv", "Sofia", "Varna");
        assertThat(names(places, "location.lat > 43", null)).containsExactly("Varna");
        JsonNode byLatitude = get("/api/collections/" + places + "/records?sort=-location.lat", null).json();
        assertThat(byLatitude.get("items").valueStream().map(i -> i.get("name").asString()).toList())
                .containsExactly("Varna", "Sofia", "Plovdiv");
        assertThat(get("/api/collections/" + places + "/records?filter="
                + URLEncoder.encode("geoDistance(name, 1, 2, 3) < 5", StandardCharsets.UTF_8), null).status())
                .isEqualTo(400);

        String visits = unique("visits");
        Map<String, Object> visitFields = collection(visits, text("name"), relation("place", placesId, 1, false, false));
        assertThat(post("/api/collections", visitFields, superuser()).status()).isEqualTo(200);
        String varnaId = get("/api/collections/" + places + "/records?filter=name%3D'Varna'", null)
                .json().get("items").get(0).get("id").asString();
        create(visits, Map.of("name", "beach", "place", varnaId));
        create(visits, Map.of("name", "nowhere"));
        assertThat(names(visits, "geoDistance(place.location.lon, place.location.lat, 28, 43) < 30", null))
                .containsExactly("beach");
    }

    @Test
    void geoDistanceWorksInRules() {
        String places = unique("places");
        Map<String, Object> definition = collection(places, text("name"), field("location", "geoPoint"));
        definition.put("listRule", "geoDistance(location.lon, location.lat, 23.32, 42.69) < 200");
        assertThat(post("/api/collections", definition, superuser()).status()).isEqualTo(200);
        create(places, Map.of("name", "Sofia", "location", SOFIA));
        create(places, Map.of("name", "Varna", "location", VARNA));
        assertThat(names(places, "", null)).containsExactly("Sofia");
        assertThat(names(places, "", superuser())).containsExactly("Sofia", "Varna");

        definition.put("name", unique("badrule"));
        definition.put("listRule", "geoDistance(location.lon, location.lat, 1) < 200");
        Response bad = post("/api/collections", definition, superuser());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("data").has("listRule")).isTrue();
    }

    private String stored(String table, String column, String id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT \"" + column + "\"::text FROM \"" + table + "\" WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private String columnDefault(String table, String column) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT column_default FROM information_schema.columns "
                     + "WHERE table_name = ? AND column_name = ? AND is_nullable = 'NO'")) {
            s.setString(1, table);
            s.setString(2, column);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("NOT NULL column " + column).isTrue();
                return r.getString(1);
            }
        }
    }
}
