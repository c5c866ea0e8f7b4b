package dev.basalt.auth;

import dev.basalt.auth.mail.MailTemplate;
import dev.basalt.auth.mail.Mailer;
import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.records.RecordData;
import dev.basalt.records.RecordJson;
import dev.basalt.records.RecordReads;
import dev.basalt.settings.Settings;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Mails sent on the server's initiative (the JS hooks' {@code newMailClient()} and {@code $mails}): any HTML mail
 * through the configured SMTP server, and PocketBase's account mails to a given record with the same tokens and
 * templates as the request endpoints.
 */
@Component
public class ServerMails {
    private final AccountMails mails;
    private final RecordReads reads;
    private final Mailer mailer;

    ServerMails(AccountMails mails, RecordReads reads, Mailer mailer) {
        this.mails = mails;
        this.reads = reads;
        this.mailer = mailer;
    }

    /** Sends an HTML mail now (to the log when SMTP is off); a failure is thrown with the SMTP client's message. */
    public void send(String to, String subject, String html) {
        mailer.sendNow(mailer.current(), to, subject, html);
    }

    /** The verification mail (nothing when the record is already verified). */
    public void sendVerification(Collection c, String id) {
        mails.requestVerification(c, email(c, id));
    }

    /** The password reset mail. */
    public void sendPasswordReset(Collection c, String id) {
        mails.requestPasswordReset(c, email(c, id));
    }

    /** The mail confirming a change of the record's email to {@code newEmail}, sent to that address. */
    public void sendEmailChange(Collection c, String id, String newEmail) {
        Map<String, Object> row = reads.findById(c, id).orElseThrow(ApiException::notFound).values();
        mails.requestEmailChange(c, new Caller(id, c.id(), c.name(), false, row), newEmail);
    }

    /**
     * The collection's OTP mail ({@code otp.emailTemplate}, {@code {OTP}} and {@code {OTP_ID}} filled) to the
     * record's email, sent now as PocketBase's {@code mails.SendRecordOTP}; the OTP itself is the caller's.
     */
    public void sendOtp(Collection c, String id, String otpId, String password) {
        RecordData row = reads.findById(c, id).orElseThrow(ApiException::notFound);
        Settings settings = mailer.current();
        Map<String, Object> visible = RecordJson.render(row, false, true);
        Map<String, String> values = Map.of("OTP", password, "OTP_ID", otpId);
        AuthOptions.EmailTemplate template = c.authOptions().otp().emailTemplate();
        mailer.sendNow(settings, row.text("email"), MailTemplate.fill(template.subject(), settings, visible, values),
                MailTemplate.fill(template.body(), settings, visible, values));
    }

    private String email(Collection c, String id) {
        return reads.findById(c, id).orElseThrow(ApiException::notFound).text("email");
    }
}
