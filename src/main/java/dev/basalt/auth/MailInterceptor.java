package dev.basalt.auth;

import dev.basalt.collections.Collection;
import java.util.Map;

/**
 * The auth module's seam around outgoing mail (PocketBase's {@code onMailerSend} and {@code onMailerRecord*Send}
 * hooks), implemented by the hooks module so that the dependency keeps pointing from hooks to auth. An
 * implementation may change the message, and calls {@code send} to go on; not calling it suppresses the mail.
 */
public interface MailInterceptor {
    /** Wraps a mail about a record (verification, password reset, email change, OTP, auth alert). */
    void aroundRecordMail(RecordMail about, MailMessage message, Runnable send);

    /** Wraps every mail, right before it is handed to SMTP (or to the log without SMTP). */
    void aroundSend(MailMessage message, Runnable send);

    /**
     * What a record mail is about: its kind (one of the constants), the auth record and PocketBase's {@code meta}
     * ({@code token}; {@code newEmail}; {@code otpId} and {@code password}; {@code info}).
     */
    record RecordMail(String kind, Collection collection, Map<String, Object> record, Map<String, Object> meta) {
        public static final String VERIFICATION = "verification";
        public static final String PASSWORD_RESET = "passwordReset";
        public static final String EMAIL_CHANGE = "emailChange";
        public static final String OTP = "otp";
        public static final String AUTH_ALERT = "authAlert";
    }
}
