package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code POST /api/settings/test/email}: each of PocketBase's five templates reaches a real SMTP server (GreenMail)
 * filled for a made-up record; bad input gets PocketBase's codes; an unreachable server is a 400 with its error;
 * without SMTP the mail goes to the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsTestEmailApiTest extends AuthFixtures {
    private static TestSmtp smtp;

    @BeforeAll
    static void startSmtp() {
        smtp = new TestSmtp();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @AfterEach
    void smtpOff() {
        patch("/api/settings", Map.of("smtp", Map.of("enabled", false, "port", 587), "meta", Map.of("appName", "Acme")),
                superuser());
    }

    @Test
    void everyTemplateIsSentToTheAddress() throws Exception {
        useSmtp(smtp.port());
        String users = createUsers(Map.of());
        String[][] cases = {{"verification", "Verify your Tester email"}, {"password-reset", "Reset your Tester password"},
                {"email-change", "Confirm your Tester new email address"}, {"otp", "OTP for Tester"},
                {"login-alert", "Login from a new location"}};
        for (String[] c : cases) {
            String to = c[0] + "-test@example.com";
            Response r = post("/api/settings/test/email", Map.of("email", to, "template", c[0], "collection", users),
                    superuser());
            assertThat(r.status()).as(c[0] + ": " + r.body()).isEqualTo(204);
            MimeMessage mail = smtp.mailTo(to);
            assertThat(mail.getSubject()).isEqualTo(c[1]);
            assertThat(mail.getFrom()[0].toString()).contains("support@example.com");
        }
        assertThat(TestSmtp.body(smtp.mailTo("otp-test@example.com"))).contains("123456");
        assertThat(TestSmtp.body(smtp.mailTo("login-alert-test@example.com"))).contains("TEST_IP TEST_USER_AGENT");

        Response superusers = post("/api/settings/test/email", Map.of("email", "su-test@example.com",
                "template", "verification"), superuser());
        assertThat(superusers.status()).as("_superusers by default: " + superusers.body()).isEqualTo(204);
        assertThat(smtp.mailTo("su-test@example.com").getSubject()).isEqualTo("Verify your Tester email");
    }

    @Test
    void badInputAndAFailingServerAre400s(CapturedOutput log) {
        Response invalid = post("/api/settings/test/email", Map.of("email", "not-an-email", "template", "welcome",
                "collection", "nope"), superuser());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.get("data").get("email").get("code").asString()).isEqualTo("validation_is_email");
        assertThat(invalid.get("data").get("template").get("code").asString()).isEqualTo("validation_in_invalid");
        assertThat(invalid.get("data").get("collection").get("code").asString())
                .isEqualTo("validation_invalid_auth_collection");
        assertThat(post("/api/settings/test/email", Map.of(), superuser()).get("data").get("template").get("code")
                .asString()).isEqualTo("validation_required");
        assertThat(post("/api/settings/test/email", Map.of("email", "a@example.com", "template", "otp"), null)
                .status()).isEqualTo(401);

        Response logged = post("/api/settings/test/email", Map.of("email", "logged@example.com",
                "template", "password-reset"), superuser());
        assertThat(logged.status()).as("without SMTP: " + logged.body()).isEqualTo(204);
        assertThat(log.getAll()).contains("To: logged@example.com");

        int count = smtp.count();
        useSmtp(1); // nothing listens on port 1
        Response failed = post("/api/settings/test/email", Map.of("email", "fail@example.com",
                "template", "verification"), superuser());
        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.get("message").asString()).startsWith("Failed to send the test email. Raw error:")
                .doesNotContain("\tat ");
        assertThat(smtp.count()).isEqualTo(count);
    }

    private void useSmtp(int port) {
        Response r = patch("/api/settings", Map.of("meta", Map.of("appName", "Tester"),
                "smtp", Map.of("enabled", true, "host", "127.0.0.1", "port", port, "username", "", "tls", false)),
                superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
