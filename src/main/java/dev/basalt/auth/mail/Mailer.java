package dev.basalt.auth.mail;

import dev.basalt.settings.Settings;
import dev.basalt.settings.SettingsStore;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends HTML mails through the SMTP server of the current {@link Settings}. Without SMTP enabled a mail is written
 * to the server log instead of being sent.
 */
@Component
public class Mailer {
    /** Connection, read and write timeout of the SMTP client. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private final SettingsStore settings;

    public Mailer(SettingsStore settings) {
        this.settings = settings;
    }

    /** The current settings (mail requests answer the same with or without SMTP, as in PocketBase). */
    public Settings current() {
        return settings.current();
    }

    /**
     * Sends a mail in the background (so that the answer takes the same time whether or not a mail is sent);
     * failures are logged. Without SMTP enabled the mail goes to the server log instead, so that a developer can
     * follow its link until SMTP is set (PocketBase answers these requests the same way without SMTP).
     */
    public void sendLater(Settings s, String to, String subject, String html) {
        if (!s.smtp().enabled()) {
            log.warn("SMTP is not enabled, so this mail was not sent (enable SMTP in the settings). To: {} Subject: {}"
                    + " Text: {}", to, subject, MailText.of(html));
            return;
        }
        Thread.ofVirtual().name("mail").start(() -> {
            try {
                send(s, to, subject, html);
            } catch (MailException | MessagingException | UnsupportedEncodingException e) {
                log.warn("Could not send the mail \"{}\": {}", subject, e.getMessage());
            }
        });
    }

    /**
     * Sends a mail now (a test mail from the settings API); without SMTP enabled it goes to the server log as in
     * {@link #sendLater}. Throws {@link MailSendException} with the SMTP client's message when sending fails.
     */
    public void sendNow(Settings s, String to, String subject, String html) {
        if (!s.smtp().enabled()) {
            sendLater(s, to, subject, html);
            return;
        }
        try {
            send(s, to, subject, html);
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            throw new MailSendException(e.getMessage(), e);
        }
    }

    private static void send(Settings s, String to, String subject, String html)
            throws MessagingException, UnsupportedEncodingException {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        Settings.Smtp smtp = s.smtp();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setProtocol(smtp.tls() ? "smtps" : "smtp");
        if (!smtp.username().isEmpty()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
        }
        String prefix = "mail." + sender.getProtocol() + ".";
        Properties p = new Properties();
        p.put(prefix + "auth", String.valueOf(!smtp.username().isEmpty()));
        p.put(prefix + "starttls.enable", "true");
        p.put(prefix + "connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
        p.put(prefix + "timeout", String.valueOf(TIMEOUT.toMillis()));
        p.put(prefix + "writetimeout", String.valueOf(TIMEOUT.toMillis()));
        if (!smtp.authMethod().isEmpty()) {
            p.put(prefix + "auth.mechanisms", smtp.authMethod());
        }
        if (!smtp.localName().isEmpty()) {
            p.put(prefix + "localhost", smtp.localName());
        }
        sender.setJavaMailProperties(p);
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(new InternetAddress(s.meta().senderAddress(), s.meta().senderName(), "UTF-8"));
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(html, true);
        sender.send(message);
    }
}
