package dev.basalt.hooks;

/**
 * The hooks of {@link Hooks} beyond records (kept apart so that each file stays short): mailer and realtime hooks,
 * with PocketBase's names. Inject {@link Hooks}, not this class.
 */
public abstract class ServerHooks {
    private final Hook<MailerEvent> mailerSend = new Hook<>();
    private final Hook<MailerRecordEvent> passwordResetSend = new Hook<>();
    private final Hook<MailerRecordEvent> verificationSend = new Hook<>();
    private final Hook<MailerRecordEvent> emailChangeSend = new Hook<>();
    private final Hook<MailerRecordEvent> otpSend = new Hook<>();
    private final Hook<MailerRecordEvent> authAlertSend = new Hook<>();
    private final Hook<RealtimeConnectRequestEvent> realtimeConnect = new Hook<>();
    private final Hook<RealtimeSubscribeRequestEvent> realtimeSubscribe = new Hook<>();
    private final Hook<RealtimeMessageEvent> realtimeMessage = new Hook<>();

    /** Wraps every mail sent (after a record mail's own hook); {@code next()} sends it, as changed. */
    public Hook<MailerEvent> onMailerSend() {
        return mailerSend;
    }

    /** Wraps each password reset mail; {@code next()} sends it. Collection tags as for record hooks. */
    public Hook<MailerRecordEvent> onMailerRecordPasswordResetSend() {
        return passwordResetSend;
    }

    /** Wraps each verification mail; {@code next()} sends it. */
    public Hook<MailerRecordEvent> onMailerRecordVerificationSend() {
        return verificationSend;
    }

    /** Wraps each email change confirmation mail (to the new address); {@code next()} sends it. */
    public Hook<MailerRecordEvent> onMailerRecordEmailChangeSend() {
        return emailChangeSend;
    }

    /** Wraps each one-time password mail; {@code next()} sends it. */
    public Hook<MailerRecordEvent> onMailerRecordOTPSend() {
        return otpSend;
    }

    /** Wraps each new-sign-in alert mail; {@code next()} sends it. */
    public Hook<MailerRecordEvent> onMailerRecordAuthAlertSend() {
        return authAlertSend;
    }

    /** Wraps {@code GET /api/realtime}; {@code next()} opens the stream. */
    public Hook<RealtimeConnectRequestEvent> onRealtimeConnectRequest() {
        return realtimeConnect;
    }

    /** Wraps {@code POST /api/realtime}; {@code next()} sets the (changeable) subscriptions. */
    public Hook<RealtimeSubscribeRequestEvent> onRealtimeSubscribeRequest() {
        return realtimeSubscribe;
    }

    /** Wraps each message written to a realtime client; {@code next()} writes it, as changed. */
    public Hook<RealtimeMessageEvent> onRealtimeMessageSend() {
        return realtimeMessage;
    }
}
