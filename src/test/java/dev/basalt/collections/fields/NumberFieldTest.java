package dev.basalt.collections.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.shared.ValidationErrors;
import org.junit.jupiter.api.Test;

/** The number field: PocketBase's loose casts, required/onlyInt/min/max checks, Go-like JSON and its options. */
class NumberFieldTest {
    private final NumberField plain = new NumberField("n1", "count", "number", false, false, false, false, null, null,
            false);
    private final NumberField bounded = new NumberField("n1", "count", "number", false, false, false, true, 1d, 10d,
            true);

    @Test
    void castsAsPocketBase() {
        assertThat(plain.accept(3, null)).isEqualTo(3d);
        assertThat(plain.accept("2.5", null)).isEqualTo(2.5d);
        assertThat(plain.accept("not a number", null)).as("bad text is 0, never a 400").isEqualTo(0d);
        assertThat(plain.accept(true, null)).isEqualTo(1d);
        assertThat(plain.accept(null, null)).isEqualTo(0d);
        assertThat(plain.zeroValue()).isEqualTo(0d);
    }

    @Test
    void checksRequiredIntegersAndRange() {
        assertThat(plain.check(0d)).isNull();
        assertThat(bounded.check(0d).code()).isEqualTo("validation_required");
        assertThat(bounded.check(2.5d).code()).isEqualTo("validation_only_int_constraint");
        assertThat(bounded.check(-1d).code()).isEqualTo("validation_min_number_constraint");
        assertThat(bounded.check(11d).code()).isEqualTo("validation_max_number_constraint");
        assertThat(bounded.check(11d).message()).isEqualTo("Must be less than 10.");
        assertThat(bounded.check(10d)).isNull();
        assertThat(plain.check(plain.accept("inf", null)).code()).isEqualTo("validation_not_a_number");
    }

    @Test
    void printsWholeNumbersWithoutAFraction() {
        assertThat(plain.toJson(3d)).isEqualTo(3L);
        assertThat(plain.toJson(2.5d)).isEqualTo(2.5d);
        assertThat(plain.toJson(null)).isEqualTo(0L);
    }

    @Test
    void refusesAMinAboveTheMax() {
        ValidationErrors errors = new ValidationErrors();
        new NumberField("n1", "count", "number", false, false, false, false, 5d, 1d, false)
                .validateOptions("fields.0", errors);
        assertThat(errors.asMap()).containsOnlyKeys("fields.0.max");
        ValidationErrors none = new ValidationErrors();
        bounded.validateOptions("fields.0", none);
        assertThat(none.isEmpty()).isTrue();
    }

    @Test
    void plusAddsMinusSubtractsAndThereIsNoPrepend() {
        assertThat(plain.modify(Modifier.APPEND, "2.5", 1d)).isEqualTo(3.5);
        assertThat(plain.modify(Modifier.REMOVE, 4, 1d)).isEqualTo(-3d);
        assertThat(plain.modify(Modifier.APPEND, 1, null)).isEqualTo(1d);
        assertThat(plain.modify(Modifier.PREPEND, 1, 1d)).isNull();
    }
}
