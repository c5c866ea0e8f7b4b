package dev.basalt.auth.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The application settings Basalt keeps, in PocketBase's shape: {@code meta} (application name and URL, mail
 * sender), {@code smtp} (mail server) and {@code rateLimits} (only {@code <collection>:auth} and {@code *:auth}
 * rules, applied to the sign-in, OTP, verification and reset endpoints) and {@code trustedProxy} (headers that carry
 * the client's address behind a reverse proxy). The SMTP password is write-only.
 */
public record Settings(Meta meta, Smtp smtp, RateLimits rateLimits, TrustedProxy trustedProxy) {

    /**
     * Rate limiting of the auth endpoints. Off until saved, as in PocketBase ({@code *:auth}: 2 requests per 3
     * seconds, per client IP and per identity, once enabled; {@code basalt.rate-limits.default-enabled=true} starts
     * with it on). Guessing is stopped anyway by the always-on sign-in guard, which counts failures only.
     */
    public record RateLimits(boolean enabled, List<RateLimitRule> rules) {
        public RateLimits {
            rules = List.copyOf(rules);
        }
    }

    /** At most {@code maxRequests} per {@code duration} seconds, per client IP and per identity. */
    public record RateLimitRule(String label, int maxRequests, long duration) {
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

    /** PocketBase's defaults (SMTP off), with the auth rate limit on or off as given. */
    public static Settings defaults(boolean rateLimitsEnabled) {
        return new Settings(new Meta("Acme", "http://localhost:8090", "Support", "support@example.com", false),
                new Smtp(false, "smtp.example.com", 587, "", "", "", false, ""),
                new RateLimits(rateLimitsEnabled, List.of(new RateLimitRule("*:auth", 2, 3))),
                new TrustedProxy(List.of(), false));
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
            return rule;
        }).toList();
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("enabled", rateLimits.enabled());
        limits.put("rules", rules);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("meta", m);
        json.put("smtp", s);
        json.put("rateLimits", limits);
        Map<String, Object> proxy = new LinkedHashMap<>();
        proxy.put("headers", trustedProxy.headers());
        proxy.put("useLeftmostIP", trustedProxy.useLeftmostIP());
        json.put("trustedProxy", proxy);
        return json;
    }
}
