package dev.basalt.hooks;

import dev.basalt.auth.MailInterceptor;
import dev.basalt.auth.MailMessage;
import dev.basalt.collections.Collection;
import java.util.Map;
import java.util.Set;

/**
 * PocketBase's {@code MailerRecordEvent} ({@code onMailerRecord*Send}): a mail about an auth record, with the record
 * and the mail's {@code meta} (its token, OTP, new email or alert info). Bound to collection tags like record hooks.
 */
public final class MailerRecordEvent extends MailerEvent {
    private final MailInterceptor.RecordMail about;

    public MailerRecordEvent(MailInterceptor.RecordMail about, MailMessage message) {
        super(message);
        this.about = about;
    }

    /** The auth record's collection. */
    public Collection collection() {
        return about.collection();
    }

    /** The auth record's stored values. */
    public Map<String, Object> record() {
        return about.record();
    }

    /** PocketBase's {@code meta}: {@code token}, {@code newEmail}, {@code otpId}, {@code password} or {@code info}. */
    public Map<String, Object> meta() {
        return about.meta();
    }

    @Override
    public Set<String> tags() {
        return Set.of(about.collection().id(), about.collection().name());
    }
}
