package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.basalt.testing.ApiTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * A pb_hooks folder as PocketBase users write it ({@code src/test/hooks/templates}): a layout and a page rendered
 * through {@code $template.loadFiles}, a template error naming its file and line, and {@code $mails.sendRecordOTP}
 * delivering the collection's OTP mail to a real SMTP server.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "basalt.hooks-dir=src/test/hooks/templates")
class TemplateHooksApiTest extends ApiTest {
    private static final long MAIL_WAIT_MS = 10_000;
    private static GreenMail smtp;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void layoutAndPageRenderWithGoSemanticsAndEscaping() {
        Response r = get("/api/tpl/page/Ada", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("""
                <!DOCTYPE html>
                <html>
                <head><title>Hello Ada</title></head>
                <body>
                  <main>
                  <h1 data-name="Ada">Hello Ada!</h1><p>2 of 2 items</p>
                  <ul>
                    <li><a href="/a?x=1&amp;y=2">0: one</a></li>
                    <li><a href="#ZgotmplZ">1: &lt;two&gt;</a></li>
                  </ul>
                </main>
                </body>
                </html>
                """);
        Response evil = get("/api/tpl/page/%3Cb%3E%22x", null);
        assertThat(evil.body()).contains("<title>Hello &lt;b&gt;&#34;x</title>")
                .contains("<h1 data-name=\"&lt;b&gt;&#34;x\">");
        assertThat(get("/api/tpl/string", null).body()).isEqualTo("a, b");
        assertThat(get("/api/tpl/relative", null).body()).contains("<title>Hello Rel</title>", "<p>0 of 0 items</p>");
    }

    @Test
    void aTemplateErrorNamesTheFileAndLine(CapturedOutput output) {
        Response r = get("/api/tpl/broken", null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("upper");
        assertThat(output.getAll()).contains("template: broken.html:2: function \"upper\" not defined");
    }

    @Test
    void sendRecordOtpDeliversTheCollectionsOtpMail() throws Exception {
        Response settings = patch("/api/settings", Map.of("meta", Map.of("appName", "Tpl Test"), "smtp",
                Map.of("enabled", true, "host", "127.0.0.1", "port", smtp.getSmtp().getPort(), "username", "",
                        "tls", false)), superuser());
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        Response c = post("/api/collections", Map.of("name", "tpl_members", "type", "auth", "createRule", "",
                "fields", List.of(Map.of("name", "name", "type", "text"))), superuser());
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        String password = "members-Password-1";
        Response user = post("/api/collections/tpl_members/records", Map.of("email", "otp@example.com",
                "password", password, "passwordConfirm", password), null);
        assertThat(user.status()).as(user.body()).isEqualTo(200);

        Response sent = post("/api/tpl/otp/tpl_members", Map.of("email", "otp@example.com"), null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        MimeMessage mail = mailTo("otp@example.com");
        assertThat(mail.getSubject()).contains("Tpl Test");
        assertThat(GreenMailUtil.getBody(mail)).contains("424242");
    }

    private static MimeMessage mailTo(String address) throws Exception {
        long deadline = System.currentTimeMillis() + MAIL_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                    return m;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + address);
    }
}
