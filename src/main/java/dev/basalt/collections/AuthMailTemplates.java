package dev.basalt.collections;

import dev.basalt.collections.AuthOptions.EmailTemplate;

/** The default mail templates of auth collections (PocketBase's placeholders: {APP_NAME}, {APP_URL}, {TOKEN}, {OTP}). */
final class AuthMailTemplates {
    static final EmailTemplate VERIFICATION = new EmailTemplate("Verify your {APP_NAME} email",
            "<p>Hello,</p>\n<p>Thank you for joining us at {APP_NAME}.</p>\n"
                    + "<p>Click on the button below to verify your email address.</p>\n"
                    + "<p>\n  <a class=\"btn\" href=\"{APP_URL}/_/#/auth/confirm-verification/{TOKEN}\" target=\"_blank\" rel=\"noopener\">Verify</a>\n</p>\n"
                    + "<p>\n  Thanks,<br/>\n  {APP_NAME} team\n</p>");
    static final EmailTemplate RESET_PASSWORD = new EmailTemplate("Reset your {APP_NAME} password",
            "<p>Hello,</p>\n<p>Click on the button below to reset your password.</p>\n"
                    + "<p>\n  <a class=\"btn\" href=\"{APP_URL}/_/#/auth/confirm-password-reset/{TOKEN}\" target=\"_blank\" rel=\"noopener\">Reset password</a>\n</p>\n"
                    + "<p><i>If you didn't ask to reset your password, you can ignore this email.</i></p>\n"
                    + "<p>\n  Thanks,<br/>\n  {APP_NAME} team\n</p>");
    static final EmailTemplate CONFIRM_EMAIL_CHANGE = new EmailTemplate("Confirm your {APP_NAME} new email address",
            "<p>Hello,</p>\n<p>Click on the button below to confirm your new email address.</p>\n"
                    + "<p>\n  <a class=\"btn\" href=\"{APP_URL}/_/#/auth/confirm-email-change/{TOKEN}\" target=\"_blank\" rel=\"noopener\">Confirm new email</a>\n</p>\n"
                    + "<p><i>If you didn't ask to change your email address, you can ignore this email.</i></p>\n"
                    + "<p>\n  Thanks,<br/>\n  {APP_NAME} team\n</p>");
    static final EmailTemplate OTP = new EmailTemplate("OTP for {APP_NAME}",
            "<p>Hello,</p>\n<p>Your one-time password is: <strong>{OTP}</strong></p>\n"
                    + "<p><i>If you didn't ask for the one-time password, you can ignore this email.</i></p>\n"
                    + "<p>\n  Thanks,<br/>\n  {APP_NAME} team\n</p>");
    static final EmailTemplate AUTH_ALERT = new EmailTemplate("Login from a new location",
            "<p>Hello,</p>\n<p>We noticed a login to your {APP_NAME} account from a new location:</p>\n"
                    + "<p><em>{ALERT_INFO}</em></p>\n"
                    + "<p>If this was you, you may disregard this email.</p>\n"
                    + "<p><strong>If this wasn't you, you should immediately change your {APP_NAME} account password "
                    + "to revoke access from all other locations.</strong></p>\n"
                    + "<p>\n  Thanks,<br/>\n  {APP_NAME} team\n</p>");

    private AuthMailTemplates() {
    }
}
