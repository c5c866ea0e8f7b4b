package dev.basalt.collections.fields;

import dev.basalt.query.ColumnKind;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.basalt.shared.FieldError;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DataType;
import org.jooq.JSONB;
import org.jooq.impl.SQLDataType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Any JSON value (jsonb, NULL when unset), up to {@code maxSize} bytes. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JsonField(String id, String name, String type, boolean system, boolean hidden, boolean presentable,
                        boolean required, int maxSize) implements Field {
    /** The largest JSON value, in bytes, when maxSize is 0. */
    public static final int DEFAULT_MAX_SIZE = 1 << 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonField {
        type = "json";
    }

    @Override
    public Field withId(String newId) {
        return new JsonField(newId, name, type, system, hidden, presentable, required, maxSize);
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.JSON;
    }

    @Override
    public DataType<?> columnType() {
        return SQLDataType.JSONB.nullable(true);
    }

    @Override
    public Object zeroValue() {
        return null;
    }

    @Override
    public Object accept(Object input, Object current) {
        if (input == null) {
            return null;
        }
        if (input instanceof String s) {
            return JSONB.valueOf(fromText(s));
        }
        return JSONB.valueOf(JSON.writeValueAsString(goNumbers(input)));
    }

    /**
     * PocketBase's reading of a plain string (a form value, or a JSON string): {@code null}, {@code true},
     * {@code false} and valid JSON starting with a digit, {@code -}, {@code "}, {@code [} or {@code {} are taken
     * as JSON; any other text (the empty string too) is stored as a JSON string.
     */
    private static String fromText(String s) {
        if (s.equals("null") || s.equals("true") || s.equals("false")) {
            return s;
        }
        if (!s.isEmpty() && "0123456789-\"[{".indexOf(s.charAt(0)) >= 0) {
            try {
                Casts.STRICT_JSON.readTree(s);
                return s;
            } catch (JacksonException e) {
                // not JSON: quoted below
            }
        }
        return JSON.writeValueAsString(s);
    }

    /** Doubles as Go prints them ({@code 1}, not {@code 1.0}), inside lists and objects too. */
    private static Object goNumbers(Object value) {
        return switch (value) {
            case Double d when Double.isFinite(d) -> new BigDecimal(Casts.formatNumber(d));
            case List<?> list -> list.stream().map(JsonField::goNumbers).toList();
            case Map<?, ?> map -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, goNumbers(v)));
                yield out;
            }
            case null, default -> value;
        };
    }

    @Override
    public FieldError check(Object value) {
        if (value == null) {
            return required ? FieldError.required() : null;
        }
        String data = ((JSONB) value).data();
        if (required && (data.equals("null") || data.equals("\"\"") || data.equals("[]") || data.equals("{}"))) {
            return FieldError.required();
        }
        int limit = maxSize > 0 ? maxSize : DEFAULT_MAX_SIZE;
        if (data.getBytes(StandardCharsets.UTF_8).length > limit) {
            return new FieldError("validation_json_size_limit", "The maximum allowed JSON size is " + limit + " bytes.");
        }
        return null;
    }

    @Override
    public Object toJson(Object stored) {
        if (stored == null) {
            return null;
        }
        String data = stored instanceof JSONB j ? j.data() : stored.toString();
        return JSON.readTree(data);
    }

    @Override
    public void validateOptions(String prefix, dev.basalt.shared.ValidationErrors errors) {
        if (maxSize < 0) {
            errors.add(prefix + ".maxSize", "validation_min_greater_equal_than_required", "Must be no less than 0.");
        }
    }
}
