package dev.basalt.collections.fields;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.basalt.query.ColumnKind;
import dev.basalt.shared.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DataType;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A geographic point {@code {"lon": x, "lat": y}} in degrees, stored as PocketBase does: a jsonb column, NOT NULL,
 * {@code {"lon":0,"lat":0}} when empty (so filters read {@code location.lon} / {@code location.lat} and
 * {@code geoDistance()} takes them). Longitude must be within -180..180, latitude within -90..90; a required
 * point must not be 0,0.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GeoPointField(String id, String name, String type, boolean system, boolean hidden, boolean presentable,
                            boolean required) implements Field {
    /** The largest absolute longitude. */
    public static final double MAX_LONGITUDE = 180;
    /** The largest absolute latitude. */
    public static final double MAX_LATITUDE = 90;
    private static final String ZERO = "{\"lon\":0,\"lat\":0}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public GeoPointField {
        type = "geoPoint";
    }

    @Override
    public Field withId(String newId) {
        return new GeoPointField(newId, name, type, system, hidden, presentable, required);
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.JSON;
    }

    @Override
    public DataType<?> columnType() {
        return SQLDataType.JSONB.nullable(false).defaultValue(DSL.field("'" + ZERO + "'::jsonb", JSONB.class));
    }

    @Override
    public Object zeroValue() {
        return JSONB.valueOf(ZERO);
    }

    /** Accepts an object {@code {lon, lat}} (missing keys are 0), its JSON text (forms), or null / "" for 0,0. */
    @Override
    public Object accept(Object input, Object current) {
        if (input instanceof List<?> list && list.size() == 1) {
            input = list.getFirst();
        }
        if (input == null || (input instanceof String s && s.isBlank())) {
            return zeroValue();
        }
        if (input instanceof String s) {
            try {
                input = JSON.readValue(s, Object.class);
            } catch (JacksonException e) {
                throw invalid();
            }
        }
        if (!(input instanceof Map<?, ?> map)) {
            throw invalid();
        }
        return point(coordinate(map.get("lon")), coordinate(map.get("lat")));
    }

    private static double coordinate(Object value) {
        if (value == null) {
            return 0;
        }
        double d;
        if (value instanceof Number n) {
            d = n.doubleValue();
        } else if (value instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw invalid();
            }
        } else {
            throw invalid();
        }
        if (!Double.isFinite(d)) {
            throw invalid();
        }
        return d;
    }

    private static FieldValueException invalid() {
        return new FieldValueException("validation_invalid_geo_point",
                "Must be a geographic point {\"lon\": number, \"lat\": number}.");
    }

    private static JSONB point(double lon, double lat) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("lon", lon);
        point.put("lat", lat);
        return JSONB.valueOf(JSON.writeValueAsString(point));
    }

    @Override
    public FieldError check(Object value) {
        JsonNode point = read(value);
        double lon = point.path("lon").asDouble(0);
        double lat = point.path("lat").asDouble(0);
        if (lon == 0 && lat == 0) {
            return required ? FieldError.required() : null;
        }
        if (lon < -MAX_LONGITUDE || lon > MAX_LONGITUDE) {
            return new FieldError("validation_invalid_longitude", "Longitude must be between -180 and 180 degrees.");
        }
        if (lat < -MAX_LATITUDE || lat > MAX_LATITUDE) {
            return new FieldError("validation_invalid_latitude", "Latitude must be between -90 and 90 degrees.");
        }
        return null;
    }

    /** {@code {"lon": x, "lat": y}}; a missing (e.g. NULL from a view) value prints as 0,0. */
    @Override
    public Object toJson(Object stored) {
        JsonNode point = read(stored);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("lon", point.path("lon").asDouble(0));
        json.put("lat", point.path("lat").asDouble(0));
        return json;
    }

    private static JsonNode read(Object stored) {
        if (stored == null) {
            return JSON.readTree(ZERO);
        }
        return JSON.readTree(stored instanceof JSONB j ? j.data() : stored.toString());
    }
}
