package dev.basalt.collections.fields;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bool field: Go's {@code strconv.ParseBool} set of true texts, numbers, and "required" meaning true. */
class BoolFieldTest {
    private final BoolField plain = new BoolField("b1", "done", "bool", false, false, false, false);
    private final BoolField required = new BoolField("b1", "done", "bool", false, false, false, true);

    @Test
    void castsAsPocketBase() {
        for (Object yes : new Object[] {true, 1, 2.5, "1", "t", "T", "TRUE", "true", "True"}) {
            assertThat(plain.accept(yes, null)).as(String.valueOf(yes)).isEqualTo(true);
        }
        for (Object no : new Object[] {false, 0, "", "0", "false", "on", "yes", "tRuE", null}) {
            assertThat(plain.accept(no, null)).as(String.valueOf(no)).isEqualTo(false);
        }
        assertThat(plain.zeroValue()).isEqualTo(false);
    }

    @Test
    void requiredMeansTrue() {
        assertThat(plain.check(false)).isNull();
        assertThat(required.check(false).code()).isEqualTo("validation_required");
        assertThat(required.check(true)).isNull();
    }

    @Test
    void printsABoolean() {
        assertThat(plain.toJson(true)).isEqualTo(true);
        assertThat(plain.toJson(null)).isEqualTo(false);
    }
}
