package dev.basalt.hooks;

import dev.basalt.auth.MailInterceptor;
import dev.basalt.auth.MailMessage;
import org.springframework.stereotype.Component;

/** Runs the {@code onMailerRecord*Send} hooks around record mails and {@code onMailerSend} around every mail. */
@Component
class MailHooks implements MailInterceptor {
    private final Hooks hooks;

    MailHooks(Hooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public void aroundRecordMail(RecordMail about, MailMessage message, Runnable send) {
        Hook<MailerRecordEvent> hook = switch (about.kind()) {
            case RecordMail.VERIFICATION -> hooks.onMailerRecordVerificationSend();
            case RecordMail.PASSWORD_RESET -> hooks.onMailerRecordPasswordResetSend();
            case RecordMail.EMAIL_CHANGE -> hooks.onMailerRecordEmailChangeSend();
            case RecordMail.OTP -> hooks.onMailerRecordOTPSend();
            case RecordMail.AUTH_ALERT -> hooks.onMailerRecordAuthAlertSend();
            default -> null;
        };
        if (hook == null || hook.length() == 0) {
            send.run();
            return;
        }
        hook.trigger(new MailerRecordEvent(about, message), e -> send.run());
    }

    @Override
    public void aroundSend(MailMessage message, Runnable send) {
        if (hooks.onMailerSend().length() == 0) {
            send.run();
            return;
        }
        hooks.onMailerSend().trigger(new MailerEvent(message), e -> send.run());
    }
}
