package dev.basalt.collections.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.shared.ValidationErrors;
import org.junit.jupiter.api.Test;

/** The password field: checked in plain text, stored as a bcrypt hash, never printed, always hidden. */
class PasswordFieldTest {
    private static final int LOW_COST = 4;
    private final PasswordField field = new PasswordField("p1", "password", "password", true, false, false, true,
            8, 0, "[0-9]", LOW_COST);

    @Test
    void isAlwaysHiddenAndNeverPrinted() {
        assertThat(field.hidden()).isTrue();
        assertThat(field.toJson("$2a$04$hash")).isNull();
        assertThat(field.zeroValue()).isEqualTo("");
    }

    @Test
    void checksRequiredLengthAndPattern() {
        assertThat(field.check("").code()).isEqualTo("validation_required");
        assertThat(field.check("short1").code()).isEqualTo("validation_min_text_constraint");
        assertThat(field.check("long-enough").code()).isEqualTo("validation_invalid_format");
        assertThat(field.check("long-enough-1")).isNull();
        assertThat(field.check("a1" + "x".repeat(PasswordField.MAX_LENGTH)).code())
                .isEqualTo("validation_max_text_constraint");
    }

    @Test
    void storesABcryptHashThatMatchesOnlyThePassword() {
        String hash = (String) field.store("long-enough-1");
        assertThat(hash).startsWith("$2a$04$").doesNotContain("long-enough-1");
        assertThat(PasswordField.matches("long-enough-1", hash)).isTrue();
        assertThat(PasswordField.matches("long-enough-2", hash)).isFalse();
        assertThat(PasswordField.matches("long-enough-1", "")).isFalse();
        assertThat(field.store("")).isEqualTo("");
    }

    @Test
    void castsToTextAndHasNoModifiers() {
        assertThat(field.accept(12345678, null)).isEqualTo("12345678");
        assertThat(field.accept(null, null)).isEqualTo("");
        assertThat(field.modify(Modifier.APPEND, "x", "$2a$04$hash")).isNull();
    }

    @Test
    void checksItsOptions() {
        ValidationErrors errors = new ValidationErrors();
        new PasswordField("p1", "password", "password", false, false, false, false, 10, 5, "(", 40)
                .validateOptions("fields.0", errors);
        assertThat(errors.asMap()).containsKeys("fields.0.cost", "fields.0.min", "fields.0.pattern");
    }
}
