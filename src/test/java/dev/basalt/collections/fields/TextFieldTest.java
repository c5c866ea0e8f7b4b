package dev.basalt.collections.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.shared.ValidationErrors;
import org.junit.jupiter.api.Test;

/** The text field: casts to text, length in characters, pattern, autogenerate, and its options. */
class TextFieldTest {
    private final TextField plain = new TextField("t1", "title", "text", false, false, false, false, 0, 0, "", "",
            false);
    private final TextField strict = new TextField("t1", "code", "text", false, false, false, true, 2, 4,
            "^[a-z]+$", "[a-z]{3}", false);

    @Test
    void castsToText() {
        assertThat(plain.accept("x", null)).isEqualTo("x");
        assertThat(plain.accept(12, null)).isEqualTo("12");
        assertThat(plain.accept(1.5, null)).isEqualTo("1.5");
        assertThat(plain.accept(true, null)).isEqualTo("true");
        assertThat(plain.accept(null, null)).isEqualTo("");
        assertThat(plain.toJson(null)).isEqualTo("");
    }

    @Test
    void checksRequiredLengthInCharactersAndPattern() {
        assertThat(plain.check("")).isNull();
        assertThat(strict.check("").code()).isEqualTo("validation_required");
        assertThat(strict.check("a").code()).isEqualTo("validation_min_text_constraint");
        assertThat(strict.check("abcde").code()).isEqualTo("validation_max_text_constraint");
        assertThat(strict.check("AB1").code()).isEqualTo("validation_invalid_format");
        assertThat(strict.check("abc")).isNull();
        assertThat(plain.check("é".repeat(TextField.DEFAULT_MAX_LENGTH))).as("characters, not bytes").isNull();
        assertThat(plain.check("x".repeat(TextField.DEFAULT_MAX_LENGTH + 1)).code())
                .isEqualTo("validation_max_text_constraint");
    }

    @Test
    void generatesFromItsPattern() {
        assertThat(strict.generate()).matches("[a-z]{3}");
        assertThat(plain.generate()).isEmpty();
    }

    @Test
    void checksItsOptions() {
        ValidationErrors errors = new ValidationErrors();
        new TextField("t1", "x", "text", false, false, false, false, 5, 2, "([", "", false)
                .validateOptions("fields.0", errors);
        assertThat(errors.asMap()).containsOnlyKeys("fields.0.min", "fields.0.pattern");
        ValidationErrors none = new ValidationErrors();
        strict.validateOptions("fields.0", none);
        assertThat(none.isEmpty()).isTrue();
    }
}
