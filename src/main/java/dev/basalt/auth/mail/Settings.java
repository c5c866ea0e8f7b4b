package dev.basalt.auth.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The application settings Basalt keeps, in PocketBase's shape: {@code meta} (application name and URL, mail
 * sender) and {@code smtp} (mail server). The SMTP password is write-only: it is never printed.
 */
public record Settings(Meta meta, Smtp smtp) {

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

    /** PocketBase's defaults: SMTP off. */
    public static Settings defaults() {
        return new Settings(new Meta("Acme", "http://localhost:8090", "Support", "support@example.com", false),
                new Smtp(false, "smtp.example.com", 587, "", "", "", false, ""));
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
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("meta", m);
        json.put("smtp", s);
        return json;
    }
}
