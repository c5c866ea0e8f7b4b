package dev.basalt.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mail about to be sent, as PocketBase's {@code mailer.Message}: sender, recipients, subject, HTML and plain-text
 * bodies and extra headers. Mutable, so that a {@link MailInterceptor} (the {@code onMailer*} hooks) can change it
 * before it goes out.
 */
public final class MailMessage {
    private Address from;
    private List<Address> to = new ArrayList<>();
    private List<Address> cc = new ArrayList<>();
    private List<Address> bcc = new ArrayList<>();
    private String subject = "";
    private String html = "";
    private String text = "";
    private Map<String, String> headers = new LinkedHashMap<>();

    /** A mail address with an optional display name. */
    public record Address(String address, String name) {
        public Address {
            address = address == null ? "" : address;
            name = name == null ? "" : name;
        }
    }

    /** A mail from {@code from} to one address. */
    public static MailMessage of(Address from, String to, String subject, String html) {
        MailMessage m = new MailMessage();
        m.from = from;
        m.to.add(new Address(to, ""));
        m.subject = subject;
        m.html = html;
        return m;
    }

    public Address from() {
        return from;
    }

    public void from(Address value) {
        this.from = value;
    }

    public List<Address> to() {
        return to;
    }

    public void to(List<Address> value) {
        this.to = new ArrayList<>(value);
    }

    public List<Address> cc() {
        return cc;
    }

    public void cc(List<Address> value) {
        this.cc = new ArrayList<>(value);
    }

    public List<Address> bcc() {
        return bcc;
    }

    public void bcc(List<Address> value) {
        this.bcc = new ArrayList<>(value);
    }

    public String subject() {
        return subject;
    }

    public void subject(String value) {
        this.subject = value == null ? "" : value;
    }

    public String html() {
        return html;
    }

    public void html(String value) {
        this.html = value == null ? "" : value;
    }

    public String text() {
        return text;
    }

    public void text(String value) {
        this.text = value == null ? "" : value;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public void headers(Map<String, String> value) {
        this.headers = new LinkedHashMap<>(value);
    }
}
