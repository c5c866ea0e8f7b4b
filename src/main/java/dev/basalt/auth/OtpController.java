package dev.basalt.auth;

import dev.basalt.auth.mail.MailTemplate;
import dev.basalt.auth.mail.Mailer;
import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.records.RecordData;
import dev.basalt.records.RecordJson;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RecordInput;
import dev.basalt.records.RecordService;
import dev.basalt.settings.Settings;
import dev.basalt.shared.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * PocketBase's one-time-password sign-in: {@code request-otp} mails a code and answers {@code {"otpId"}} (an id
 * of the same shape when the email is unknown, so the answer does not tell); {@code auth-with-otp} signs in with
 * {@code otpId} and {@code password}, marking the record verified when the code went to its email.
 */
@RestController
class OtpController {
    private final CollectionRegistry collections;
    private final OneTimePasswords otps;
    private final Mailer mailer;
    private final RecordReads store;
    private final RecordService records;
    private final AuthService auth;
    private final AuthRateLimiter limiter;
    private final AuthRecordExpand expand;
    private final AuthRequests hooked;

    OtpController(CollectionRegistry collections, OneTimePasswords otps, Mailer mailer, RecordReads store,
                  RecordService records, AuthService auth, AuthRateLimiter limiter,
                  AuthRecordExpand expand, AuthRequests hooked) {
        this.hooked = hooked;
        this.expand = expand;
        this.limiter = limiter;
        this.collections = collections;
        this.otps = otps;
        this.mailer = mailer;
        this.store = store;
        this.records = records;
        this.auth = auth;
    }

    @PostMapping("/api/collections/{collection}/request-otp")
    ResponseEntity<Object> request(@PathVariable String collection, HttpServletRequest request) {
        Collection c = enabled(collection);
        return hooked.run(AuthRequestInterceptor.Kind.REQUEST_OTP, request, c, body -> request(c, body, request));
    }

    private Map<String, Object> request(Collection c, Map<String, Object> body, HttpServletRequest request) {
        String email = AuthController.text(body, "email");
        limiter.check(request, c, email);
        if (email == null || email.isBlank()) {
            throw AuthErrors.VALIDATION_FAILED.exception(
                    Map.of("email", FieldError.required()));
        }
        Settings settings = mailer.current();
        Optional<RecordData> row = store.findByEmail(c, email);
        if (row.isEmpty()) {
            return Map.of("otpId", OneTimePasswords.randomId());
        }
        AuthOptions.Otp options = c.authOptions().otp();
        String to = String.valueOf(row.get().get("email"));
        OneTimePasswords.Issued otp = otps.issue(c.id(), row.get().id(), to, options.length());
        Map<String, Object> visible = RecordJson.render(row.get(), false, true);
        Map<String, String> values = Map.of("OTP", otp.password(), "OTP_ID", otp.id());
        mailer.sendLater(settings, Mailer.message(settings, to,
                MailTemplate.fill(options.emailTemplate().subject(), settings, visible, values),
                MailTemplate.fill(options.emailTemplate().body(), settings, visible, values)),
                new MailInterceptor.RecordMail(MailInterceptor.RecordMail.OTP, c, row.get().values(),
                        Map.of("otpId", otp.id(), "password", otp.password())));
        return Map.of("otpId", otp.id());
    }

    @PostMapping("/api/collections/{collection}/auth-with-otp")
    ResponseEntity<Object> signIn(@PathVariable String collection, HttpServletRequest request) {
        Collection c = enabled(collection);
        return hooked.run(AuthRequestInterceptor.Kind.AUTH_WITH_OTP, request, c, body -> signIn(c, body, request));
    }

    private Map<String, Object> signIn(Collection c, Map<String, Object> body, HttpServletRequest request) {
        OneTimePasswords.Used used = limiter.attempt(request, c, AuthController.text(body, "otpId"),
                () -> otps.use(c.id(), String.valueOf(body.get("otpId")), AuthController.text(body, "password"),
                        c.authOptions().otp().duration())
                        .orElseThrow(AuthErrors.OTP_INVALID::exception));
        RecordData row = store.findById(c, used.recordId())
                .orElseThrow(AuthErrors.OTP_INVALID::exception);
        if (!Boolean.TRUE.equals(row.get("verified")) && used.sentTo().equalsIgnoreCase(String.valueOf(row.get("email")))) {
            records.update(c, used.recordId(), RecordInput.of("verified", true), SuperuserCollection.SYSTEM_WRITE);
            row = store.findById(c, used.recordId()).orElseThrow();
        }
        return expand.apply(c, auth.signIn(c, row, request, "otp", AuthController.mfaId(request, body)), request);
    }

    private Collection enabled(String idOrName) {
        Collection c = AuthController.authCollection(collections, idOrName);
        if (!c.authOptions().otp().enabled()) {
            throw AuthErrors.OTP_AUTH_DISABLED.exception();
        }
        return c;
    }
}
