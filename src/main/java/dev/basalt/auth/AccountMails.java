package dev.basalt.auth;

import dev.basalt.auth.mail.MailTemplate;
import dev.basalt.auth.mail.Mailer;
import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.PasswordField;
import dev.basalt.records.RecordData;
import dev.basalt.records.RecordJson;
import dev.basalt.records.RecordInput;
import dev.basalt.records.RecordService;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RecordRequest;
import dev.basalt.settings.Settings;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import dev.basalt.shared.FieldError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * PocketBase's mail flows of auth records: verification, password reset and email change. Requests answer the
 * same whether or not the email is registered (the mail goes out in the background); each token is signed with
 * the record's tokenKey and bound to the email it was sent for, so it stops working once used.
 */
@Service
class AccountMails {
    static final String VERIFICATION = "verification";
    static final String PASSWORD_RESET = "passwordReset";
    static final String EMAIL_CHANGE = "emailChange";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final RecordRequest SYSTEM_WRITE = SuperuserCollection.SYSTEM_WRITE;
    private final Mailer mailer;
    private final AuthTokens tokens;
    private final RecordReads store;
    private final RecordService records;
    private final Sessions sessions;

    AccountMails(Mailer mailer, AuthTokens tokens, RecordReads store, RecordService records, Sessions sessions) {
        this.mailer = mailer;
        this.tokens = tokens;
        this.store = store;
        this.records = records;
        this.sessions = sessions;
    }

    void requestVerification(Collection c, String email) {
        requireEmail("email", email);
        Settings settings = mailer.current();
        findByEmail(c, email).filter(row -> !Boolean.TRUE.equals(row.get("verified"))).ifPresent(row -> {
            String token = actionToken(c, row, VERIFICATION, c.authOptions().verificationToken().duration(), Map.of());
            send(settings, c, row, String.valueOf(row.get("email")), c.authOptions().verificationTemplate(),
                    Map.of("TOKEN", token), MailInterceptor.RecordMail.VERIFICATION, Map.of("token", token));
        });
    }

    void confirmVerification(Collection c, String token) {
        RecordData row = verified(c, token, VERIFICATION).row();
        if (!Boolean.TRUE.equals(row.get("verified"))) {
            records.update(c, row.id(), RecordInput.of("verified", true), SYSTEM_WRITE);
        }
    }

    void requestPasswordReset(Collection c, String email) {
        requireEmail("email", email);
        Settings settings = mailer.current();
        findByEmail(c, email).ifPresent(row -> {
            String token = actionToken(c, row, PASSWORD_RESET, c.authOptions().passwordResetToken().duration(), Map.of());
            send(settings, c, row, String.valueOf(row.get("email")), c.authOptions().resetPasswordTemplate(),
                    Map.of("TOKEN", token), MailInterceptor.RecordMail.PASSWORD_RESET, Map.of("token", token));
        });
    }

    void confirmPasswordReset(Collection c, String token, String password, String passwordConfirm) {
        String id = verified(c, token, PASSWORD_RESET).row().id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("password", password == null ? "" : password);
        body.put("passwordConfirm", passwordConfirm == null ? "" : passwordConfirm);
        body.put("verified", true);
        records.update(c, id, RecordInput.of(body), SYSTEM_WRITE);
        sessions.revokeAll(c.id(), id, "password reset");
    }

    void requestEmailChange(Collection c, Caller caller, String newEmail) {
        if (caller.anonymous() || !caller.collectionId().equals(c.id())) {
            throw AuthErrors.TOKEN_INVALID.exception();
        }
        requireEmail("newEmail", newEmail);
        RecordData row = store.findById(c, caller.id()).orElseThrow(ApiException::notFound);
        if (findByEmail(c, newEmail).isPresent()) {
            throw invalid("newEmail", "validation_not_unique", "The email is already in use.");
        }
        Settings settings = mailer.current();
        String token = actionToken(c, row, EMAIL_CHANGE, c.authOptions().emailChangeToken().duration(),
                Map.of("newEmail", newEmail.trim()));
        send(settings, c, row, newEmail.trim(), c.authOptions().confirmEmailChangeTemplate(), Map.of("TOKEN", token),
                MailInterceptor.RecordMail.EMAIL_CHANGE, Map.of("token", token, "newEmail", newEmail.trim()));
    }

    void confirmEmailChange(Collection c, String token, String password) {
        Verified v = verified(c, token, EMAIL_CHANGE);
        if (password == null || !PasswordField.matches(password, (String) v.row().get("password"))) {
            throw invalid("password", "validation_invalid_password", "Missing or invalid password.");
        }
        records.update(c, v.row().id(), RecordInput.of(Map.of("email", v.claims().get("newEmail"), "verified", true)),
                SYSTEM_WRITE);
    }

    /** A verified token's claims and the record it names, still having the email the token was sent for. */
    private record Verified(Map<String, String> claims, RecordData row) {
    }

    private Verified verified(Collection c, String token, String type) {
        if (token == null || token.isBlank()) {
            throw invalid("token", "validation_required", "Cannot be blank.");
        }
        Optional<Map<String, String>> claims = tokens.peekAction(token, type)
                .filter(cl -> cl.get("collectionId").equals(c.id()));
        Optional<RecordData> row = claims.flatMap(cl -> store.findById(c, cl.get("id")))
                .filter(r -> tokens.verify(token, r.text("tokenKey")))
                .filter(r -> String.valueOf(r.get("email")).equalsIgnoreCase(claims.get().get("email")));
        if (row.isEmpty()) {
            throw invalid("token", "validation_invalid_token", "Invalid or expired token.");
        }
        return new Verified(claims.get(), row.get());
    }

    private String actionToken(Collection c, RecordData row, String type, long seconds,
                               Map<String, String> extra) {
        Map<String, String> claims = new LinkedHashMap<>(extra);
        claims.put("email", String.valueOf(row.get("email")));
        return tokens.issueAction(type, row.id(), c.id(), row.text("tokenKey"), seconds,
                claims);
    }

    private void send(Settings settings, Collection c, RecordData row, String to,
                      AuthOptions.EmailTemplate template, Map<String, String> values, String kind,
                      Map<String, Object> meta) {
        Map<String, Object> visible = RecordJson.render(row, false, true);
        mailer.sendLater(settings, Mailer.message(settings, to,
                MailTemplate.fill(template.subject(), settings, visible, values),
                MailTemplate.fill(template.body(), settings, visible, values)),
                new MailInterceptor.RecordMail(kind, c, row.values(), meta));
    }

    private Optional<RecordData> findByEmail(Collection c, String email) {
        return store.findByEmail(c, email);
    }

    private static void requireEmail(String key, String email) {
        if (email == null || email.isBlank()) {
            throw invalid(key, "validation_required", "Cannot be blank.");
        }
        if (!EMAIL.matcher(email.trim()).matches()) {
            throw invalid(key, "validation_is_email", "Must be a valid email address.");
        }
    }

    private static ApiException invalid(String key, String code, String message) {
        return AuthErrors.VALIDATION_FAILED.exception(
                Map.of(key, new FieldError(code, message)));
    }
}
