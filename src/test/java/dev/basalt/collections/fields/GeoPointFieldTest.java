package dev.basalt.collections.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

/** The geoPoint field: {lon, lat} objects or their JSON text, stored as jsonb, ranges and required checked. */
class GeoPointFieldTest {
    private final GeoPointField field = new GeoPointField("g1", "location", "geoPoint", false, false, false, false);
    private final GeoPointField required = new GeoPointField("g1", "location", "geoPoint", false, false, false, true);

    private String stored(Object input) {
        return ((JSONB) field.accept(input, null)).data();
    }

    @Test
    void acceptsObjectsJsonTextAndEmptyValues() {
        assertThat(stored(Map.of("lon", 23.32, "lat", 42.69))).isEqualTo("{\"lon\":23.32,\"lat\":42.69}");
        assertThat(stored(Map.of("lat", 1, "lon", -2, "alt", 5))).isEqualTo("{\"lon\":-2.0,\"lat\":1.0}");
        assertThat(stored(Map.of("lon", "10.5"))).isEqualTo("{\"lon\":10.5,\"lat\":0.0}");
        assertThat(stored("{\"lon\":1,\"lat\":2}")).isEqualTo("{\"lon\":1.0,\"lat\":2.0}");
        assertThat(stored(List.of("{\"lon\":3,\"lat\":4}"))).isEqualTo("{\"lon\":3.0,\"lat\":4.0}");
        assertThat(stored(null)).isEqualTo("{\"lon\":0,\"lat\":0}");
        assertThat(stored("")).isEqualTo("{\"lon\":0,\"lat\":0}");
    }

    @Test
    void refusesOtherShapes() {
        for (Object bad : List.of("nope", "[1,2]", 5, true, List.of(1, 2), Map.of("lon", "x"), Map.of("lat", List.of()),
                "{\"lon\":1e999}")) {
            assertThatThrownBy(() -> field.accept(bad, null)).as(String.valueOf(bad))
                    .isInstanceOfSatisfying(FieldValueException.class,
                            e -> assertThat(e.error().code()).isEqualTo("validation_invalid_geo_point"));
        }
    }

    @Test
    void checksRangesAndRequired() {
        assertThat(field.check(field.accept(Map.of("lon", 180, "lat", -90), null))).isNull();
        assertThat(field.check(field.accept(Map.of("lon", 180.01, "lat", 0), null)).code())
                .isEqualTo("validation_invalid_longitude");
        assertThat(field.check(field.accept(Map.of("lon", -181, "lat", 0), null)).code())
                .isEqualTo("validation_invalid_longitude");
        assertThat(field.check(field.accept(Map.of("lon", 0, "lat", 90.5), null)).code())
                .isEqualTo("validation_invalid_latitude");
        assertThat(field.check(field.zeroValue())).isNull();
        assertThat(required.check(required.zeroValue()).code()).isEqualTo("validation_required");
        assertThat(required.check(required.accept(Map.of("lon", 0, "lat", 0.0001), null))).isNull();
    }

    @Test
    void printsLonAndLat() {
        assertThat(field.toJson(JSONB.valueOf("{\"lat\": 2.5, \"lon\": 1}"))).isEqualTo(Map.of("lon", 1.0, "lat", 2.5));
        assertThat(field.toJson(null)).isEqualTo(Map.of("lon", 0.0, "lat", 0.0));
    }
}
