package dev.basalt.auth;

import dev.basalt.auth.mail.MailTemplate;
import dev.basalt.auth.mail.Mailer;
import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.collections.fields.Field;
import dev.basalt.records.RecordJson;
import dev.basalt.records.RequestBodies;
import dev.basalt.settings.Settings;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import dev.basalt.shared.ValidationErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * PocketBase's {@code POST /api/settings/test/email} (superusers): sends one of an auth collection's mail templates
 * ({@code _superusers} by default) to an address, filled for a made-up record whose visible fields read
 * {@code __pb_test_<field>__}. Sent at once, so an SMTP failure is answered as a 400 with the server's message;
 * without SMTP the mail goes to the log, as every other mail.
 */
@RestController
class TestEmailController {
    private static final List<String> TEMPLATES = List.of("verification", "password-reset", "email-change", "otp",
            "login-alert");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_LENGTH = 255;
    /** Lifetime of the action token in a test mail (it names no real record, so it opens nothing). */
    private static final Duration TEST_TOKEN_LIFETIME = Duration.ofMinutes(30);
    private final CollectionRegistry collections;
    private final Mailer mailer;
    private final AuthTokens tokens;
    private final RequestBodies bodies;

    TestEmailController(CollectionRegistry collections, Mailer mailer, AuthTokens tokens, RequestBodies bodies) {
        this.collections = collections;
        this.mailer = mailer;
        this.tokens = tokens;
        this.bodies = bodies;
    }

    @PostMapping("/api/settings/test/email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void send(HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        Map<String, Object> body = bodies.read(request);
        String email = text(body.get("email"));
        String template = text(body.get("template"));
        String collectionName = text(body.get("collection"));
        ValidationErrors errors = new ValidationErrors();
        Optional<Collection> found = collections.find(collectionName.isEmpty() ? SuperuserCollection.NAME
                : collectionName).filter(Collection::isAuth);
        if (found.isEmpty() || collectionName.length() > MAX_LENGTH) {
            errors.add("collection", "validation_invalid_auth_collection",
                    "Must be a valid auth collection id or name.");
        }
        if (email.isEmpty()) {
            errors.add("email", "validation_required", "Cannot be blank.");
        } else if (email.length() > MAX_LENGTH || !EMAIL.matcher(email).matches()) {
            errors.add("email", "validation_is_email", "Must be a valid email address.");
        }
        if (template.isEmpty()) {
            errors.add("template", "validation_required", "Cannot be blank.");
        } else if (!TEMPLATES.contains(template)) {
            errors.add("template", "validation_in_invalid", "Must be a valid value.");
        }
        errors.throwIfAny("Failed to send the test email.");
        send(found.orElseThrow(), email, template);
    }

    private void send(Collection c, String email, String template) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (Field f : c.fields()) {
            if (!f.hidden()) {
                record.put(f.name(), "__pb_test_" + f.name() + "__");
            }
        }
        record.put("email", email);
        AuthOptions options = c.authOptions();
        Map<String, String> values = new LinkedHashMap<>();
        AuthOptions.EmailTemplate mail = switch (template) {
            case "verification" -> options.verificationTemplate();
            case "password-reset" -> options.resetPasswordTemplate();
            case "email-change" -> options.confirmEmailChangeTemplate();
            case "otp" -> options.otp().emailTemplate();
            default -> options.authAlert().emailTemplate();
        };
        values.put("TOKEN", tokens.issueAction(template, RecordJson.id(record), c.id(),
                UUID.randomUUID().toString(), TEST_TOKEN_LIFETIME.toSeconds(), Map.of("email", email)));
        values.put("OTP", "123456");
        values.put("OTP_ID", "_PB_TEST_OTP_ID_");
        values.put("ALERT_INFO", HtmlUtils.htmlEscape(AuthAlerts.alertInfo("TEST_IP", "TEST_USER_AGENT")));
        Settings s = mailer.current();
        try {
            mailer.sendNow(s, email, MailTemplate.fill(mail.subject(), s, record, values),
                    MailTemplate.fill(mail.body(), s, record, values));
        } catch (MailException e) {
            throw ApiException.badRequest("Failed to send the test email. Raw error: \n" + e.getMessage());
        }
    }

    private static String text(Object value) {
        return value instanceof String s ? s.trim() : "";
    }
}
