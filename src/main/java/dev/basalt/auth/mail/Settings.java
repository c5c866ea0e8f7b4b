package dev.basalt.auth.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The application settings Basalt keeps, in PocketBase's shape: {@code meta} (application name and URL, mail
 * sender), {@code smtp} (mail server), {@code rateLimits} (PocketBase's request rate limits, applied to every request
 * by {@code auth.RateLimitInterceptor}) and {@code trustedProxy} (headers that carry the client's address behind a
 * reverse proxy) and {@code logs} (request logs). The SMTP password is write-only.
 */
public record Settings(Meta meta, Smtp smtp, RateLimits rateLimits, TrustedProxy trustedProxy, Logs logs) {

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

    /**
     * PocketBase's request logs settings: kept {@code maxDays} (0: no logging), entries below {@code minLevel}
     * dropped, client addresses and the caller's id kept or not.
     */
    public record Logs(int maxDays, int minLevel, boolean logIP, boolean logAuthId) {
    }

    /** Application name and URL (used in mails) and the mail sender. */
    public record Meta(String appName, String appURL, String senderName, String senderAddress, boolean hideControls) {
    }

    /**
     * The SMTP server. {@code tls} means implicit TLS (SMTPS, usually port 465); otherwise STARTTLS is used when
     * the server offers it. {@code authMethod} is "" (the client picks), {@code PLAIN} or {@code LOGIN}.
     */
    public record Smtp(boolean enabled, String host, int port, String username, String password, String authMethod,
                       boolean tls, String localName) {
    }

    /** PocketBase's defaults (SMTP off, its four rate limit rules), with the rate limits on or off as given. */
    public static Settings defaults(boolean rateLimitsEnabled) {
        return new Settings(new Meta("Acme", "http://localhost:8090", "Support", "support@example.com", false),
                new Smtp(false, "smtp.example.com", 587, "", "", "", false, ""),
                new RateLimits(rateLimitsEnabled, List.of(
                        new RateLimitRule("*:auth", 2, 3, RateLimitRule.EVERYONE),
                        new RateLimitRule("*:create", 20, 5, RateLimitRule.EVERYONE),
                        new RateLimitRule("/api/batch", 3, 1, RateLimitRule.EVERYONE),
                        new RateLimitRule("/api/", 300, 10, RateLimitRule.EVERYONE)), List.of()),
                new TrustedProxy(List.of(), false), new Logs(5, 0, true, false));
    }

    /** The JSON shown by the settings API (without the SMTP password). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = toStoredJson();
        @SuppressWarnings("unchecked")
        Map<String, Object> smtpJson = (Map<String, Object>) json.get("smtp");
        smtpJson.remove("password");
        return json;
    }

    /** The JSON kept in {@code _params} (with the SMTP password). */
    public Map<String, Object> toStoredJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("appName", meta.appName());
        m.put("appURL", meta.appURL());
        m.put("senderName", meta.senderName());
        m.put("senderAddress", meta.senderAddress());
        m.put("hideControls", meta.hideControls());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("enabled", smtp.enabled());
        s.put("port", smtp.port());
        s.put("host", smtp.host());
        s.put("username", smtp.username());
        s.put("password", smtp.password());
        s.put("authMethod", smtp.authMethod());
        s.put("tls", smtp.tls());
        s.put("localName", smtp.localName());
        List<Map<String, Object>> rules = rateLimits.rules().stream().map(r -> {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("label", r.label());
            rule.put("maxRequests", r.maxRequests());
            rule.put("duration", r.duration());
            rule.put("audience", r.audience());
            return rule;
        }).toList();
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("enabled", rateLimits.enabled());
        limits.put("rules", rules);
        limits.put("excludedIPs", rateLimits.excludedIPs());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("meta", m);
        json.put("smtp", s);
        json.put("rateLimits", limits);
        Map<String, Object> proxy = new LinkedHashMap<>();
        proxy.put("headers", trustedProxy.headers());
        proxy.put("useLeftmostIP", trustedProxy.useLeftmostIP());
        json.put("trustedProxy", proxy);
        json.put("logs", LogsSettingsReader.toJson(logs));
        return json;
    }
}
