package dev.basalt.auth.mail;

import dev.basalt.auth.MailInterceptor;
import dev.basalt.auth.MailMessage;
import dev.basalt.settings.Settings;
import dev.basalt.settings.SettingsStore;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends HTML mails through the SMTP server of the current {@link Settings}. Without SMTP enabled a mail is written
 * to the server log instead of being sent. Every mail passes the {@link MailInterceptor}s first (the hooks module's
 * {@code onMailer*} hooks), which may change or suppress it.
 */
@Component
public class Mailer {
    /** Connection, read and write timeout of the SMTP client. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private final SettingsStore settings;
    private final ObjectProvider<MailInterceptor> interceptors;

    public Mailer(SettingsStore settings, ObjectProvider<MailInterceptor> interceptors) {
        this.settings = settings;
        this.interceptors = interceptors;
    }

    /** A mail from the settings' sender to one address. */
    public static MailMessage message(Settings s, String to, String subject, String html) {
        return MailMessage.of(new MailMessage.Address(s.meta().senderAddress(), s.meta().senderName()), to, subject,
                html);
    }

    /**
     * As {@link #sendLater(Settings, String, String, String)}, for a mail about a record: the interceptors run first,
     * in this thread; one that fails is logged and the mail is not sent (the request answers the same).
     */
    public void sendLater(Settings s, MailMessage message, MailInterceptor.RecordMail about) {
        try {
            intercept(message, about, () -> queue(s, message));
        } catch (RuntimeException e) {
            log.warn("A mail hook failed, so the mail \"{}\" was not sent: {}", message.subject(), e.getMessage());
        }
    }

    /** Runs the interceptors' record-mail wrappers, then their send wrappers, then {@code deliver}. */
    private void intercept(MailMessage message, MailInterceptor.RecordMail about, Runnable deliver) {
        List<MailInterceptor> list = interceptors.orderedStream().toList();
        Runnable send = () -> chainSend(list, 0, message, deliver);
        if (about == null) {
            send.run();
        } else {
            chainRecord(list, 0, about, message, send);
        }
    }

    private static void chainSend(List<MailInterceptor> list, int index, MailMessage message, Runnable deliver) {
        if (index == list.size()) {
            deliver.run();
            return;
        }
        list.get(index).aroundSend(message, () -> chainSend(list, index + 1, message, deliver));
    }

    private static void chainRecord(List<MailInterceptor> list, int index, MailInterceptor.RecordMail about,
                                    MailMessage message, Runnable send) {
        if (index == list.size()) {
            send.run();
            return;
        }
        list.get(index).aroundRecordMail(about, message, () -> chainRecord(list, index + 1, about, message, send));
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
        sendLater(s, message(s, to, subject, html), null);
    }

    private void queue(Settings s, MailMessage m) {
        if (!s.smtp().enabled()) {
            log.warn("SMTP is not enabled, so this mail was not sent (enable SMTP in the settings). To: {} Subject: {}"
                    + " Text: {}", String.join(", ", m.to().stream().map(MailMessage.Address::address).toList()),
                    m.subject(), MailText.of(m.html().isEmpty() ? m.text() : m.html()));
            return;
        }
        Thread.ofVirtual().name("mail").start(() -> {
            try {
                send(s, m);
            } catch (MailException | MessagingException | UnsupportedEncodingException e) {
                log.warn("Could not send the mail \"{}\": {}", m.subject(), e.getMessage());
            }
        });
    }

    /**
     * Sends a mail now (a test mail from the settings API); without SMTP enabled it goes to the server log as in
     * {@link #sendLater}. Throws {@link MailSendException} with the SMTP client's message when sending fails.
     */
    public void sendNow(Settings s, String to, String subject, String html) {
        sendNow(s, message(s, to, subject, html));
    }

    /** As {@link #sendNow(Settings, String, String, String)} for a whole message; a failing hook is thrown. */
    public void sendNow(Settings s, MailMessage message) {
        intercept(message, null, () -> {
            if (!s.smtp().enabled()) {
                queue(s, message);
                return;
            }
            try {
                send(s, message);
            } catch (MailException | MessagingException | UnsupportedEncodingException e) {
                throw new MailSendException(e.getMessage(), e);
            }
        });
    }

    private static void send(Settings s, MailMessage m) throws MessagingException, UnsupportedEncodingException {
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
        boolean both = !m.text().isEmpty() && !m.html().isEmpty();
        MimeMessageHelper helper = new MimeMessageHelper(message, both, "UTF-8");
        MailMessage.Address from = m.from() == null
                ? new MailMessage.Address(s.meta().senderAddress(), s.meta().senderName()) : m.from();
        helper.setFrom(new InternetAddress(from.address(), from.name(), "UTF-8"));
        helper.setTo(addresses(m.to()));
        helper.setCc(addresses(m.cc()));
        helper.setBcc(addresses(m.bcc()));
        helper.setSubject(m.subject());
        if (both) {
            helper.setText(m.text(), m.html());
        } else {
            helper.setText(m.html().isEmpty() ? m.text() : m.html(), !m.html().isEmpty());
        }
        for (Map.Entry<String, String> h : m.headers().entrySet()) {
            message.setHeader(h.getKey(), h.getValue());
        }
        sender.send(message);
    }

    private static InternetAddress[] addresses(List<MailMessage.Address> list) throws UnsupportedEncodingException {
        InternetAddress[] out = new InternetAddress[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new InternetAddress(list.get(i).address(), list.get(i).name(), "UTF-8");
        }
        return out;
    }
}
