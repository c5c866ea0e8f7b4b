package dev.basalt.settings;

import dev.basalt.shared.ValidationErrors;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.scheduling.support.CronExpression;

/**
 * Applies submitted settings over the current ones (objects key by key, nested ones too; lists replaced) and checks
 * them with PocketBase's rules and error codes. An empty or missing secret keeps the stored one, since the API never
 * shows it.
 */
final class SettingsReader {
    private static final Set<String> AUTH_METHODS = Set.of("", "PLAIN", "LOGIN");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern HEX_COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int MAX_PORT = 65_535;
    private static final int ACCENT_COLOR_LENGTH = 7;
    /** Basalt's bounds of the batch limits (PocketBase has none): a batch is one transaction. */
    static final int MAX_BATCH_REQUESTS = 1000;
    static final long MAX_BATCH_TIMEOUT_SECONDS = 600;

    private SettingsReader() {
    }

    static Settings merge(Settings current, Map<String, Object> submitted, ValidationErrors errors) {
        Map<String, Object> stored = current.toStoredJson();
        Map<String, Object> all = merged(stored, submitted, "", errors);
        Section root = new Section(all, "", errors);
        Settings.Meta meta = meta(root.section("meta"));
        Settings.Smtp smtp = smtp(root.section("smtp"));
        Settings.S3 s3 = s3(root.section("s3"));
        Section backupsIn = root.section("backups");
        Settings.Backups backups = new Settings.Backups(cron(backupsIn), backupsIn.integer("cronMaxKeep"),
                s3(backupsIn.section("s3")));
        checkBackups(backupsIn, backups);
        Settings.RateLimits rateLimits = RateLimitsReader.read(new LinkedHashMap<>(asMap(all.get("rateLimits"))),
                errors);
        Section proxy = root.section("trustedProxy");
        Settings.TrustedProxy trustedProxy = new Settings.TrustedProxy(headers(proxy.raw("headers"), errors),
                proxy.bool("useLeftmostIP"));
        Section logsIn = root.section("logs");
        Settings.Logs logs = new Settings.Logs(logsIn.integer("maxDays"), logsIn.integer("minLevel"),
                logsIn.bool("logIP"), logsIn.bool("logAuthId"));
        logsIn.min("maxDays", logs.maxDays(), 0);
        List<String> superuserIPs = RateLimitsReader.ipList(all.get("superuserIPs"), "superuserIPs", errors);
        return new Settings(meta, smtp, s3, backups, batch(root.section("batch")), rateLimits, trustedProxy, logs,
                superuserIPs);
    }

    private static Settings.Meta meta(Section in) {
        Settings.Meta m = new Settings.Meta(in.text("appName"), in.text("appURL"), in.text("senderName"),
                in.text("senderAddress"), in.bool("hideControls"), in.text("accentColor"));
        in.required("appName", m.appName());
        in.required("senderName", m.senderName());
        if (!httpUrl(m.appURL())) {
            in.error("appURL", "validation_is_url", "Must be a valid http(s) URL.");
        }
        if (!EMAIL.matcher(m.senderAddress()).matches()) {
            in.error("senderAddress", "validation_is_email", "Must be a valid email address.");
        }
        if (!m.accentColor().isEmpty() && m.accentColor().length() != ACCENT_COLOR_LENGTH) {
            in.error("accentColor", "validation_length_invalid", "The length must be exactly 7.");
        } else if (!m.accentColor().isEmpty() && !HEX_COLOR.matcher(m.accentColor()).matches()) {
            in.error("accentColor", "validation_is_hex_color", "Must be a valid hex color code.");
        }
        return m;
    }

    private static Settings.Smtp smtp(Section in) {
        Settings.Smtp s = new Settings.Smtp(in.bool("enabled"), in.text("host"), in.integer("port"),
                in.text("username"), in.text("password"), in.text("authMethod"), in.bool("tls"), in.text("localName"));
        if (s.enabled()) {
            in.required("host", s.host());
        }
        if (s.port() < 1 || s.port() > MAX_PORT) {
            in.error("port", "validation_invalid_range", "Must be between 1 and " + MAX_PORT + ".");
        }
        if (!AUTH_METHODS.contains(s.authMethod())) {
            in.error("authMethod", "validation_in_invalid", "Must be \"\", PLAIN or LOGIN.");
        }
        return s;
    }

    private static Settings.S3 s3(Section in) {
        Settings.S3 s = new Settings.S3(in.bool("enabled"), in.text("bucket"), in.text("region"), in.text("endpoint"),
                in.text("accessKey"), in.text("secret"), in.bool("forcePathStyle"));
        if (!s.endpoint().isEmpty() && !httpUrl(s.endpoint())) {
            in.error("endpoint", "validation_is_url", "Must be a valid URL.");
        }
        if (s.enabled()) {
            in.required("endpoint", s.endpoint());
            in.required("bucket", s.bucket());
            in.required("region", s.region());
            in.required("accessKey", s.accessKey());
            in.required("secret", s.secret());
        }
        return s;
    }

    private static String cron(Section in) {
        String cron = in.text("cron");
        if (!cron.isEmpty()) {
            try {
                // PocketBase's cron has five fields (or a macro such as @daily); Spring's adds seconds first.
                CronExpression.parse(cron.startsWith("@") ? cron : "0 " + cron);
            } catch (IllegalArgumentException e) {
                in.error("cron", "validation_invalid_cron", e.getMessage());
            }
        }
        return cron;
    }

    private static void checkBackups(Section in, Settings.Backups b) {
        if (!b.cron().isEmpty() && b.cronMaxKeep() == 0) {
            in.error("cronMaxKeep", "validation_required", "Cannot be blank.");
        }
        in.min("cronMaxKeep", b.cronMaxKeep(), 1);
    }

    private static Settings.Batch batch(Section in) {
        Settings.Batch b = new Settings.Batch(in.bool("enabled"), in.integer("maxRequests"), in.number("timeout"),
                in.number("maxBodySize"));
        if (b.enabled() && b.maxRequests() == 0) {
            in.error("maxRequests", "validation_required", "Cannot be blank.");
        }
        if (b.enabled() && b.timeout() == 0) {
            in.error("timeout", "validation_required", "Cannot be blank.");
        }
        in.min("maxRequests", b.maxRequests(), 0);
        in.min("timeout", b.timeout(), 0);
        in.min("maxBodySize", b.maxBodySize(), 0);
        if (b.maxRequests() > MAX_BATCH_REQUESTS) {
            in.error("maxRequests", "validation_max_less_equal_than_required",
                    "Must be no greater than " + MAX_BATCH_REQUESTS + ".");
        }
        if (b.timeout() > MAX_BATCH_TIMEOUT_SECONDS) {
            in.error("timeout", "validation_max_less_equal_than_required",
                    "Must be no greater than " + MAX_BATCH_TIMEOUT_SECONDS + ".");
        }
        return b;
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

    private static boolean httpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * {@code patch} over {@code current}: objects merge key by key at every depth, anything else replaces. A secret
     * left empty keeps the current one. A non-object sent where an object belongs is an error.
     */
    private static Map<String, Object> merged(Map<String, Object> current, Map<?, ?> patch, String path,
                                              ValidationErrors errors) {
        Map<String, Object> out = new LinkedHashMap<>(current);
        patch.forEach((k, v) -> {
            String key = String.valueOf(k);
            Object was = current.get(key);
            String at = path.isEmpty() ? key : path + "." + key;
            if (was instanceof Map<?, ?> wasMap) {
                if (v instanceof Map<?, ?> p) {
                    out.put(key, merged(asMap(wasMap), p, at, errors));
                } else if (v != null) {
                    errors.add(at, "validation_invalid_value", "Must be an object.");
                }
            } else if (!(isSecret(key) && (v == null || "".equals(v)))) {
                out.put(key, v);
            }
        });
        return out;
    }

    private static boolean isSecret(String key) {
        return key.equals("password") || key.equals("secret");
    }

    private static Map<String, Object> asMap(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }
}
