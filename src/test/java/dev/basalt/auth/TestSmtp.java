package dev.basalt.auth;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail on 127.0.0.1, random port) for the mail tests, and reading its mails back. */
final class TestSmtp implements AutoCloseable {
    private static final long MAIL_WAIT_MS = 10_000;
    private final GreenMail smtp;

    TestSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    int port() {
        return smtp.getSmtp().getPort();
    }

    /** Waits for the latest mail sent to this address. */
    MimeMessage mailTo(String address) throws Exception {
        long deadline = System.currentTimeMillis() + MAIL_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            MimeMessage[] all = smtp.getReceivedMessages();
            for (int i = all.length - 1; i >= 0; i--) {
                if (Arrays.stream(all[i].getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                    return all[i];
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + address + " within " + MAIL_WAIT_MS + " ms");
    }

    /** Waits for the {@code nth} mail (from 1) sent to this address. */
    MimeMessage mailTo(String address, int nth) throws Exception {
        long deadline = System.currentTimeMillis() + MAIL_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            MimeMessage[] to = Arrays.stream(smtp.getReceivedMessages()).filter(m -> sentTo(m, address))
                    .toArray(MimeMessage[]::new);
            if (to.length >= nth) {
                return to[nth - 1];
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail number " + nth + " to " + address + " within " + MAIL_WAIT_MS + " ms");
    }

    private static boolean sentTo(MimeMessage mail, String address) {
        try {
            return Arrays.stream(mail.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of mails received so far. */
    int count() {
        return smtp.getReceivedMessages().length;
    }

    /** The mail's body as text (quoted-printable soft breaks undone). */
    static String body(MimeMessage mail) {
        return GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
    }

    /** The first match of the pattern's group 1 in the mail's body. */
    static String find(MimeMessage mail, Pattern pattern) {
        Matcher m = pattern.matcher(body(mail));
        if (!m.find()) {
            throw new AssertionError("no " + pattern + " in " + body(mail));
        }
        return m.group(1);
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
