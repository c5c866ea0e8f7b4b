package dev.basalt.collections.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.shared.FieldError;
import dev.basalt.shared.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The email field: trimmed text, address syntax, allowed and refused domains, and its options. */
class EmailFieldTest {
    private final EmailField plain = new EmailField("e1", "email", "email", false, false, false, false, null, null);
    private final EmailField only = new EmailField("e1", "email", "email", false, false, false, true,
            List.of("example.com"), null);
    private final EmailField except = new EmailField("e1", "email", "email", false, false, false, false, null,
            List.of("spam.test"));

    @Test
    void trimsText() {
        assertThat(plain.accept("  ann@example.com ", null)).isEqualTo("ann@example.com");
        assertThat(plain.accept(null, null)).isEqualTo("");
        assertThat(plain.toJson(null)).isEqualTo("");
    }

    @Test
    void checksSyntaxAndDomains() {
        assertThat(plain.check("")).isNull();
        assertThat(only.check("").code()).isEqualTo("validation_required");
        assertThat(plain.check("ann@example.com")).isNull();
        assertThat(plain.check("not-an-email").code()).isEqualTo("validation_is_email");
        assertThat(plain.check("a@" + "x".repeat(250) + ".com").code()).isEqualTo("validation_is_email");
        assertThat(only.check("ann@example.com")).isNull();
        assertThat(only.check("ann@other.com")).as("PocketBase's code and message").isEqualTo(
                new FieldError("validation_email_domain_not_allowed", "Email domain is not allowed."));
        assertThat(except.check("bob@spam.test").code()).isEqualTo("validation_email_domain_not_allowed");
        assertThat(except.check("bob@example.com")).isNull();
    }

    @Test
    void refusesBothDomainLists() {
        ValidationErrors errors = new ValidationErrors();
        new EmailField("e1", "email", "email", false, false, false, false, List.of("a.com"), List.of("b.com"))
                .validateOptions("fields.0", errors);
        assertThat(errors.asMap()).containsOnlyKeys("fields.0.onlyDomains");
    }
}
