package dev.basalt.settings;

import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application settings Basalt keeps, in PocketBase's shape: {@code meta} (application name and URL, mail
 * sender), {@code smtp} (mail server), {@code s3} (file storage in a bucket), {@code backups} (schedule and bucket
 * of backups), {@code batch} (limits of {@code /api/batch}), {@code rateLimits} (PocketBase's request rate limits),
 * {@code trustedProxy} (headers that carry the client's address behind a reverse proxy), {@code logs} (request log
 * retention) and {@code superuserIPs} (where superusers may connect from). The secrets (SMTP password, both S3
 * secrets) are write-only: {@link #toJson()} leaves them out.
 */
public record Settings(Meta meta, Smtp smtp, S3 s3, Backups backups, Batch batch, RateLimits rateLimits,
                       TrustedProxy trustedProxy, Logs logs, List<String> superuserIPs) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    public Settings {
        superuserIPs = List.copyOf(superuserIPs);
    }

    /**
     * PocketBase's request rate limits: off by default, as in PocketBase
     * ({@code basalt.rate-limits.default-enabled=true} makes a fresh install start with them on). Superusers and the
     * {@code excludedIPs} (addresses or CIDR subnets) are never limited. Guessing of passwords is stopped anyway by
     * the always-on sign-in guard.
     */
    public record RateLimits(boolean enabled, List<RateLimitRule> rules, List<String> excludedIPs) {
        public RateLimits {
            rules = List.copyOf(rules);
            excludedIPs = List.copyOf(excludedIPs);
        }
    }

    /**
     * At most {@code maxRequests} per {@code duration} seconds per client IP, for requests that {@code label} names:
     * a tag ({@code users:create}, {@code *:auth}), a path ({@code /api/batch}), a path prefix ending in {@code /}
     * ({@code /api/}), each path optionally after a method ({@code POST /api/}). {@code audience}: {@code ""} everyone,
     * {@code @guest} only requests without auth, {@code @auth} only authenticated ones.
     */
    public record RateLimitRule(String label, int maxRequests, long duration, String audience) {
        /** The audience of every request. */
        public static final String EVERYONE = "";
        /** Requests without an auth token. */
        public static final String GUEST = "@guest";
        /** Requests with an auth token (or an API key). */
        public static final String AUTH = "@auth";
    }

    /**
     * Headers a reverse proxy sets with the client's address (e.g. {@code X-Forwarded-For}, {@code X-Real-IP}),
     * tried in order; {@code useLeftmostIP} takes the first entry of a list instead of the last (the one the nearest
     * proxy appended). Empty: the connection's address is the client's.
     */
    public record TrustedProxy(List<String> headers, boolean useLeftmostIP) {
        public TrustedProxy {
            headers = List.copyOf(headers);
        }
    }

    /** Application name and URL (used in mails), the mail sender, and the dashboard's look. */
    public record Meta(String appName, String appURL, String senderName, String senderAddress, boolean hideControls,
                       String accentColor) {
    }

    /**
     * An S3-compatible bucket. For {@code s3}: when enabled, new uploads go there (files already stored stay where
     * they are); for {@code backups.s3}: where backups are kept. The secret is write-only.
     */
    public record S3(boolean enabled, String bucket, String region, String endpoint, String accessKey, String secret,
                     boolean forcePathStyle) {
        static final S3 NONE = new S3(false, "", "", "", "", "", false);
    }

    /** Automatic backups: a cron expression ({@code ""}: none), how many of them to keep, and where. */
    public record Backups(String cron, int cronMaxKeep, S3 s3) {
    }

    /**
     * The batch API: on or off, the most sub-requests in one batch, the longest a batch may run (seconds) and its
     * largest body (bytes; 0: {@link #DEFAULT_MAX_BODY_SIZE}).
     */
    public record Batch(boolean enabled, int maxRequests, long timeout, long maxBodySize) {
        /** The body limit when {@code maxBodySize} is 0. */
        public static final long DEFAULT_MAX_BODY_SIZE = 32L * 1024 * 1024;
    }

    /**
     * Request logs: kept {@code maxDays} days (0: none are kept), at least {@code minLevel} (PocketBase's levels:
     * -4 debug, 0 info, 4 warn, 8 error), with the client's IP and the caller's auth id or without them.
     */
    public record Logs(int maxDays, int minLevel, boolean logIP, boolean logAuthId) {
    }

    /**
     * The SMTP server. {@code tls} means implicit TLS (SMTPS, usually port 465); otherwise STARTTLS is used when
     * the server offers it. {@code authMethod} is "" (the client picks), {@code PLAIN} or {@code LOGIN}.
     */
    public record Smtp(boolean enabled, String host, int port, String username, String password, String authMethod,
                       boolean tls, String localName) {
    }

    /**
     * PocketBase's defaults (SMTP and S3 off, its four rate limit rules, logs kept 5 days), with the rate limits on
     * or off as given. Unlike PocketBase, the batch API starts enabled (as Basalt always had it).
     */
    public static Settings defaults(boolean rateLimitsEnabled) {
        return new Settings(new Meta("Acme", "http://localhost:8090", "Support", "support@example.com", false,
                "#1055c9"),
                new Smtp(false, "smtp.example.com", 587, "", "", "", false, ""),
                S3.NONE, new Backups("", 3, S3.NONE), new Batch(true, 50, 3, 0),
                new RateLimits(rateLimitsEnabled, List.of(
                        new RateLimitRule("*:auth", 2, 3, RateLimitRule.EVERYONE),
                        new RateLimitRule("*:create", 20, 5, RateLimitRule.EVERYONE),
                        new RateLimitRule("/api/batch", 3, 1, RateLimitRule.EVERYONE),
                        new RateLimitRule("/api/", 300, 10, RateLimitRule.EVERYONE)), List.of()),
                new TrustedProxy(List.of(), false), new Logs(5, 0, true, false), List.of());
    }

    /** The JSON shown by the settings API: without the secrets, as PocketBase leaves them out. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = toStoredJson();
        section(json, "smtp").remove("password");
        section(json, "s3").remove("secret");
        section(section(json, "backups"), "s3").remove("secret");
        return json;
    }

    /** The JSON kept in {@code _params} (with the secrets). */
    public Map<String, Object> toStoredJson() {
        return JSON.convertValue(this, OBJECT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> json, String key) {
        return (Map<String, Object>) json.get(key);
    }
}
