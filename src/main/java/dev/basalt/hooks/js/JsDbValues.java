package dev.basalt.hooks.js;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import org.jooq.JSON;
import org.jooq.JSONB;

/** Database values as JSON for hook code: numbers, text and booleans as they are, dates as PocketBase's text. */
final class JsDbValues {
    /** PocketBase's date text (UTC, milliseconds). */
    private static final DateTimeFormatter PB_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'");

    private JsDbValues() {
    }

    static Object json(Object v) {
        return switch (v) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case BigDecimal d -> d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                    ? d.longValue() : d.doubleValue();
            case Number n -> n;
            case OffsetDateTime t -> PB_DATE.format(t.withOffsetSameInstant(ZoneOffset.UTC));
            case LocalDateTime t -> PB_DATE.format(t);
            case Instant t -> PB_DATE.format(t.atOffset(ZoneOffset.UTC));
            case java.sql.Timestamp t -> PB_DATE.format(t.toInstant().atOffset(ZoneOffset.UTC));
            case LocalDate d -> d.toString();
            case JSONB j -> JsJson.read(j.data());
            case JSON j -> JsJson.read(j.data());
            case Object[] a -> Arrays.stream(a).map(JsDbValues::json).toList();
            case byte[] b -> Base64.getEncoder().encodeToString(b);
            case Array a -> array(a);
            default -> v.toString();
        };
    }

    private static Object array(Array a) {
        try {
            return json(a.getArray());
        } catch (SQLException e) {
            throw new JsDbException("db: cannot read an array value");
        }
    }
}
