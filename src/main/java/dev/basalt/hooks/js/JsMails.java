package dev.basalt.hooks.js;

import dev.basalt.auth.ServerMails;
import dev.basalt.collections.Collection;

/** {@code $mails}: PocketBase's account mails for a record, through the auth module's {@link ServerMails}. */
final class JsMails {
    private final ServerMails mails;

    JsMails(ServerMails mails) {
        this.mails = mails;
    }

    /** Sends an HTML mail now. */
    void send(String to, String subject, String html) {
        mails.send(to, subject, html);
    }

    void send(String kind, Collection c, String id, String newEmail) {
        switch (kind) {
            case "verification" -> mails.sendVerification(c, id);
            case "password-reset" -> mails.sendPasswordReset(c, id);
            case "email-change" -> mails.sendEmailChange(c, id, newEmail);
            default -> throw new IllegalArgumentException("$mails: " + kind + " mails are not supported yet.");
        }
    }

    /** The collection's OTP mail to the record, carrying {@code otpId} and {@code password}. */
    void sendOtp(Collection c, String id, String otpId, String password) {
        mails.sendOtp(c, id, otpId, password);
    }
}
