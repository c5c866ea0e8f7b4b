package dev.basalt.auth.mail;

import dev.basalt.settings.Settings;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * Fills PocketBase's mail placeholders: {@code {APP_NAME}}, {@code {APP_URL}}, {@code {TOKEN}}, {@code {OTP}},
 * {@code {OTP_ID}} and {@code {RECORD:field}} (record values are HTML-escaped).
 */
public final class MailTemplate {
    private MailTemplate() {
    }

    /** The text with every placeholder replaced. */
    public static String fill(String text, Settings settings, Map<String, Object> record, Map<String, String> values) {
        String out = text.replace("{APP_NAME}", HtmlUtils.htmlEscape(settings.meta().appName()))
                .replace("{APP_URL}", settings.meta().appURL().replaceAll("/+$", ""));
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        for (Map.Entry<String, Object> e : record.entrySet()) {
            out = out.replace("{RECORD:" + e.getKey() + "}", HtmlUtils.htmlEscape(String.valueOf(e.getValue())));
        }
        return out;
    }
}
