package dev.basalt.auth;

import dev.basalt.auth.mail.MailTemplate;
import dev.basalt.auth.mail.Mailer;
import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.records.RecordData;
import dev.basalt.records.RecordJson;
import dev.basalt.settings.Settings;
import dev.basalt.settings.SettingsStore;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * New-login alerts, as PocketBase's: each sign-in records its origin (a fingerprint of client IP and user agent,
 * {@code _auth_origins}); a sign-in from an origin not seen before, by a record that has signed in before, mails
 * the collection's {@code authAlert} template to the record, when {@code authAlert.enabled} and SMTP is
 * configured (without SMTP nothing is sent and the sign-in goes on). Superusers' impersonation is not a sign-in.
 */
@Component
class AuthAlerts {
    private static final Table<Record> ORIGINS = DSL.table(DSL.name("_auth_origins"));
    private static final Field<String> COLLECTION_ID = DSL.field(DSL.name("collection_id"), String.class);
    private static final Field<String> RECORD_ID = DSL.field(DSL.name("record_id"), String.class);
    private static final Field<String> FINGERPRINT = DSL.field(DSL.name("fingerprint"), String.class);
    private static final Field<OffsetDateTime> UPDATED = DSL.field(DSL.name("updated"), OffsetDateTime.class);
    /** PocketBase's DateTime text, as its alert shows it. */
    private static final DateTimeFormatter ALERT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'");
    /** PocketBase shortens the user agent in the alert (and fingerprint) to this many characters. */
    private static final int ALERT_AGENT_CHARS = 200;
    private final DSLContext dsl;
    private final SettingsStore settings;
    private final Mailer mailer;

    AuthAlerts(DSLContext dsl, SettingsStore settings, Mailer mailer) {
        this.dsl = dsl;
        this.settings = settings;
        this.mailer = mailer;
    }

    /** Records the origin of a successful sign-in and sends the alert when it is new. */
    void signedIn(Collection collection, RecordData row, String ip, String userAgent) {
        String recordId = row.id();
        String fingerprint = TokenHashes.sha256((ip == null ? "" : ip) + "|" + (userAgent == null ? "" : userAgent));
        var ofRecord = COLLECTION_ID.eq(collection.id()).and(RECORD_ID.eq(recordId));
        boolean seenBefore = dsl.fetchExists(dsl.selectOne().from(ORIGINS).where(ofRecord));
        int inserted = dsl.insertInto(ORIGINS).set(COLLECTION_ID, collection.id()).set(RECORD_ID, recordId)
                .set(FINGERPRINT, fingerprint).onConflictDoNothing().execute();
        if (inserted == 0) {
            dsl.update(ORIGINS).set(UPDATED, DSL.currentOffsetDateTime()).where(ofRecord)
                    .and(FINGERPRINT.eq(fingerprint)).execute();
            return;
        }
        AuthOptions.AuthAlert alert = collection.authOptions().authAlert();
        String email = String.valueOf(row.get("email"));
        Settings s = settings.current();
        if (!seenBefore || !alert.enabled() || !s.smtp().enabled() || email.isEmpty()) {
            return;
        }
        Map<String, Object> visible = RecordJson.render(row, false, true);
        String info = alertInfo(ip, userAgent);
        Map<String, String> values = Map.of("ALERT_INFO", HtmlUtils.htmlEscape(info));
        mailer.sendLater(s, Mailer.message(s, email, MailTemplate.fill(alert.emailTemplate().subject(), s, visible,
                values), MailTemplate.fill(alert.emailTemplate().body(), s, visible, values)),
                new MailInterceptor.RecordMail(MailInterceptor.RecordMail.AUTH_ALERT, collection, row.values(),
                        Map.of("info", info)));
    }

    /** PocketBase's {@code {ALERT_INFO}}: "{@code <UTC time> - <address> <user agent>}", the agent cut at 200 chars. */
    static String alertInfo(String ip, String userAgent) {
        String agent = userAgent == null ? "" : userAgent;
        if (agent.length() > ALERT_AGENT_CHARS) {
            agent = agent.substring(0, ALERT_AGENT_CHARS) + "...";
        }
        String now = ALERT_TIME.format(OffsetDateTime.now(ZoneOffset.UTC));
        return now + " - " + (ip == null ? "" : ip) + " " + agent;
    }
}
