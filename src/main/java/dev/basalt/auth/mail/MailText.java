package dev.basalt.auth.mail;

import java.util.regex.Pattern;

/** A mail's HTML as one line of plain text for the log: links keep their address, tags and extra spaces go. */
final class MailText {
    /** A log line should stay readable: longer texts are cut. */
    static final int MAX_CHARS = 4_000;
    private static final Pattern LINK = Pattern.compile("(?is)<a\\s[^>]*?href\\s*=\\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a>");
    private static final Pattern DROPPED = Pattern.compile("(?is)<(style|script|head)[^>]*>.*?</\\1>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private MailText() {
    }

    static String of(String html) {
        String text = DROPPED.matcher(html == null ? "" : html).replaceAll(" ");
        text = LINK.matcher(text).replaceAll("$2 ($1)");
        text = TAG.matcher(text).replaceAll(" ");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        text = SPACES.matcher(text).replaceAll(" ").trim();
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + " ..." : text;
    }
}
