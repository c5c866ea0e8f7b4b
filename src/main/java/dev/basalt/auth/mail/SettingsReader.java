package dev.basalt.auth.mail;

import dev.basalt.shared.ValidationErrors;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Applies submitted settings over the current ones (objects key by key) and checks them. */
final class SettingsReader {
    private static final Set<String> AUTH_METHODS = Set.of("", "PLAIN", "LOGIN");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_PORT = 65_535;

    private static final java.util.regex.Pattern HEADER_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,64}");

    private SettingsReader() {
    }

    static Settings merge(Settings current, Map<String, Object> submitted, ValidationErrors errors) {
        Map<String, Object> stored = current.toStoredJson();
        Map<String, Object> meta = merged(stored.get("meta"), submitted.get("meta"), "meta", errors);
        Map<String, Object> smtp = merged(stored.get("smtp"), submitted.get("smtp"), "smtp", errors);
        Settings.Meta m = new Settings.Meta(text(meta, "appName", "meta", errors), text(meta, "appURL", "meta", errors),
                text(meta, "senderName", "meta", errors), text(meta, "senderAddress", "meta", errors),
                bool(meta, "hideControls", "meta", errors));
        Settings.Smtp s = new Settings.Smtp(bool(smtp, "enabled", "smtp", errors), text(smtp, "host", "smtp", errors),
                number(smtp, "port", errors), text(smtp, "username", "smtp", errors),
                text(smtp, "password", "smtp", errors), text(smtp, "authMethod", "smtp", errors),
                bool(smtp, "tls", "smtp", errors), text(smtp, "localName", "smtp", errors));
        check(m, s, errors);
        Map<String, Object> limits = merged(stored.get("rateLimits"), submitted.get("rateLimits"), "rateLimits", errors);
        Settings.RateLimits rateLimits = RateLimitsReader.read(limits, errors);
        Map<String, Object> proxy = merged(stored.get("trustedProxy"), submitted.get("trustedProxy"), "trustedProxy",
                errors);
        Settings.TrustedProxy trustedProxy = new Settings.TrustedProxy(headers(proxy.get("headers"), errors),
                bool(proxy, "useLeftmostIP", "trustedProxy", errors));
        Settings.Logs logs = LogsSettingsReader.read(merged(stored.get("logs"), submitted.get("logs"), "logs", errors),
                errors);
        return new Settings(m, s, rateLimits, trustedProxy, logs);
    }

    private static List<String> headers(Object value, ValidationErrors errors) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List<?> list)) {
            errors.add("trustedProxy.headers", "validation_invalid_value", "Must be a list of header names.");
            return out;
        }
        for (Object header : list) {
            if (!(header instanceof String h) || !HEADER_NAME.matcher(h.trim()).matches()) {
                errors.add("trustedProxy.headers", "validation_invalid_value", "Must be a list of header names.");
                return List.of();
            }
            out.add(h.trim());
        }
        return out;
    }

    private static void check(Settings.Meta m, Settings.Smtp s, ValidationErrors errors) {
        if (m.appName().isBlank()) {
            errors.add("meta.appName", "validation_required", "Cannot be blank.");
        }
        try {
            URI uri = URI.create(m.appURL());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                errors.add("meta.appURL", "validation_is_url", "Must be a valid http(s) URL.");
            }
        } catch (IllegalArgumentException e) {
            errors.add("meta.appURL", "validation_is_url", "Must be a valid http(s) URL.");
        }
        if (!EMAIL.matcher(m.senderAddress()).matches()) {
            errors.add("meta.senderAddress", "validation_is_email", "Must be a valid email address.");
        }
        if (s.enabled() && s.host().isBlank()) {
            errors.add("smtp.host", "validation_required", "Cannot be blank.");
        }
        if (s.port() < 1 || s.port() > MAX_PORT) {
            errors.add("smtp.port", "validation_invalid_range", "Must be between 1 and " + MAX_PORT + ".");
        }
        if (!AUTH_METHODS.contains(s.authMethod())) {
            errors.add("smtp.authMethod", "validation_in_invalid", "Must be \"\", PLAIN or LOGIN.");
        }
    }

    private static Map<String, Object> merged(Object current, Object patch, String key, ValidationErrors errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (current instanceof Map<?, ?> c) {
            c.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        if (patch instanceof Map<?, ?> p) {
            p.forEach((k, v) -> out.put(String.valueOf(k), v));
        } else if (patch != null) {
            errors.add(key, "validation_invalid_value", "Must be an object.");
        }
        return out;
    }

    private static String text(Map<String, Object> m, String key, String prefix, ValidationErrors errors) {
        Object v = m.get(key);
        if (v == null || v instanceof String) {
            return v == null ? "" : ((String) v).trim();
        }
        errors.add(prefix + "." + key, "validation_invalid_value", "Must be a string.");
        return "";
    }

    private static boolean bool(Map<String, Object> m, String key, String prefix, ValidationErrors errors) {
        Object v = m.get(key);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        errors.add(prefix + "." + key, "validation_invalid_value", "Must be a boolean.");
        return false;
    }

    private static int number(Map<String, Object> m, String key, ValidationErrors errors) {
        Object v = m.get(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n.longValue()));
        }
        errors.add("smtp." + key, "validation_invalid_value", "Must be a whole number.");
        return 0;
    }
}
