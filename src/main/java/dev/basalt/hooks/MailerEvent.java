package dev.basalt.hooks;

import dev.basalt.auth.MailMessage;

/**
 * PocketBase's {@code MailerEvent} ({@code onMailerSend}): a mail about to be sent. {@link #message()} may be changed
 * before {@link #next()}, which sends it; a handler that does not call it suppresses the mail.
 */
public class MailerEvent extends HookEvent {
    private final MailMessage message;

    public MailerEvent(MailMessage message) {
        this.message = message;
    }

    /** The mail: sender, recipients, subject, HTML and text bodies, headers (all changeable). */
    public MailMessage message() {
        return message;
    }
}
