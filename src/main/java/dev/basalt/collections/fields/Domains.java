package dev.basalt.collections.fields;

import dev.basalt.shared.FieldError;
import java.util.List;
import java.util.Locale;

/** The onlyDomains / exceptDomains check shared by the email and url fields. */
final class Domains {
    private Domains() {
    }

    /** PocketBase's answer when an email field refuses the address's domain. */
    static final FieldError EMAIL_REFUSED = new FieldError("validation_email_domain_not_allowed",
            "Email domain is not allowed.");
    /** PocketBase's answer when a url field refuses the url's host. */
    static final FieldError URL_REFUSED = new FieldError("validation_url_domain_not_allowed",
            "Url domain is not allowed.");

    /** {@code refused} when the host is outside {@code onlyDomains} or in {@code exceptDomains}; else null. */
    static FieldError check(String host, List<String> onlyDomains, List<String> exceptDomains, FieldError refused) {
        String h = host.toLowerCase(Locale.ROOT);
        if (onlyDomains != null && !onlyDomains.isEmpty()
                && onlyDomains.stream().noneMatch(d -> d.equalsIgnoreCase(h))) {
            return refused;
        }
        if (exceptDomains != null && exceptDomains.stream().anyMatch(d -> d.equalsIgnoreCase(h))) {
            return refused;
        }
        return null;
    }
}
