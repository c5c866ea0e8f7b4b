package dev.basalt.collections.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.shared.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The url field: trimmed text, http(s) with a host only, and allowed or refused domains. */
class UrlFieldTest {
    private final UrlField plain = new UrlField("u1", "site", "url", false, false, false, false, null, null);
    private final UrlField only = new UrlField("u1", "site", "url", false, false, false, true, List.of("example.com"),
            null);

    @Test
    void trimsText() {
        assertThat(plain.accept(" https://example.com/a ", null)).isEqualTo("https://example.com/a");
        assertThat(plain.toJson(null)).isEqualTo("");
    }

    @Test
    void checksSchemeHostAndDomains() {
        assertThat(plain.check("")).isNull();
        assertThat(only.check("").code()).isEqualTo("validation_required");
        assertThat(plain.check("https://example.com/path?q=1")).isNull();
        assertThat(plain.check("http://example.com")).isNull();
        for (String bad : new String[] {"example.com", "ftp://example.com", "https://", "javascript:alert(1)",
                "https://exa mple.com"}) {
            assertThat(plain.check(bad)).as(bad).isNotNull();
            assertThat(plain.check(bad).code()).as(bad).isEqualTo("validation_invalid_url");
        }
        assertThat(only.check("https://example.com")).isNull();
        assertThat(only.check("https://other.com")).as("PocketBase's code and message").isEqualTo(
                new FieldError("validation_url_domain_not_allowed", "Url domain is not allowed."));
    }
}
