package dev.basalt.collections.fields;

import dev.basalt.shared.FieldError;
import java.util.List;
import java.util.Locale;

/** The onlyDomains / exceptDomains check shared by the email and url fields. */
final class Domains {
    private Domains() {
    }

    static FieldError check(String host, List<String> onlyDomains, List<String> exceptDomains) {
        String h = host.toLowerCase(Locale.ROOT);
        if (onlyDomains != null && !onlyDomains.isEmpty()
                && onlyDomains.stream().noneMatch(d -> d.equalsIgnoreCase(h))) {
            return new FieldError("validation_email_domain_not_allowed", "Domain is not allowed.");
        }
        if (exceptDomains != null && exceptDomains.stream().anyMatch(d -> d.equalsIgnoreCase(h))) {
            return new FieldError("validation_email_domain_not_allowed", "Domain is not allowed.");
        }
        return null;
    }
}
