package dev.basalt.collections.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.query.ColumnKind;
import dev.basalt.shared.ValidationErrors;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The date field and the autodate field: PocketBase's date casts, min/max, JSON format, and autodate's no-op set. */
class DateFieldTest {
    private static final OffsetDateTime NOON = OffsetDateTime.of(2024, 5, 6, 12, 0, 0, 0, ZoneOffset.UTC);
    private final DateField plain = new DateField("d1", "due", "date", false, false, false, false, "", "");
    private final DateField bounded = new DateField("d1", "due", "date", false, false, false, true,
            "2024-01-01 00:00:00.000Z", "2024-12-31 23:59:59.999Z");

    @Test
    void acceptsPocketBaseAndIsoDatesInUtc() {
        assertThat(plain.kind()).isEqualTo(ColumnKind.DATE);
        assertThat(plain.accept("2024-05-06 12:00:00.000Z", null)).isEqualTo(NOON);
        assertThat(plain.accept("2024-05-06T14:00:00+02:00", null)).isEqualTo(NOON);
        assertThat(plain.accept("2024-05-06", null)).isEqualTo(NOON.withHour(0));
        assertThat(plain.accept(NOON, null)).isEqualTo(NOON);
    }

    @Test
    void unreadableInputIsTheEmptyDateAsInPocketBase() {
        assertThat(plain.accept("not a date", null)).isNull();
        assertThat(plain.accept("", null)).isNull();
        assertThat(plain.accept(List.of("2024-05-06"), null)).isNull();
        assertThat(plain.zeroValue()).isNull();
    }

    @Test
    void checksRequiredAndTheRange() {
        assertThat(plain.check(null)).isNull();
        assertThat(bounded.check(null).code()).isEqualTo("validation_required");
        assertThat(bounded.check(NOON)).isNull();
        assertThat(bounded.check(NOON.withYear(2023)).code()).isEqualTo("validation_min_date_constraint");
        assertThat(bounded.check(NOON.withYear(2025)).code()).isEqualTo("validation_max_date_constraint");
    }

    @Test
    void printsPocketBasesFormatAndEmptyForNoDate() {
        assertThat(plain.toJson(NOON.withOffsetSameInstant(ZoneOffset.ofHours(3)))).isEqualTo("2024-05-06 12:00:00.000Z");
        assertThat(plain.toJson(null)).isEqualTo("");
    }

    @Test
    void checksItsOptions() {
        ValidationErrors errors = new ValidationErrors();
        new DateField("d1", "due", "date", false, false, false, false, "yesterday", "2024-01-01")
                .validateOptions("fields.0", errors);
        assertThat(errors.asMap()).containsKey("fields.0.min").doesNotContainKey("fields.0.max");
    }

    @Test
    void anAutodateIgnoresSubmittedValuesAndHasNoModifiers() {
        AutodateField updated = AutodateField.updated();
        assertThat(updated.readOnly()).isTrue();
        assertThat(updated.onCreate()).isTrue();
        assertThat(updated.onUpdate()).isTrue();
        assertThat(AutodateField.created().onUpdate()).isFalse();
        assertThat(updated.accept("2030-01-01", NOON)).isEqualTo(NOON);
        assertThat(updated.accept("2030-01-01", null)).isNull();
        assertThat(updated.check(null)).isNull();
        assertThat(updated.toJson(NOON)).isEqualTo("2024-05-06 12:00:00.000Z");
        assertThat(updated.modify(Modifier.APPEND, "x", NOON)).isNull();
        assertThat(plain.modify(Modifier.APPEND, "2024-01-01", NOON)).isNull();
    }
}
