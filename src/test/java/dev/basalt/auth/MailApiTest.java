package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Settings API and the mail flows, read back from a real SMTP server (GreenMail) started by the test. */
@ExtendWith(OutputCaptureExtension.class)
class MailApiTest extends AuthFixtures {
    private static final Pattern TOKEN = Pattern.compile("/auth/confirm-[a-z-]+/([A-Za-z0-9_.-]+)");
    private static TestSmtp smtp;

    @BeforeAll
    static void startSmtp() {
        smtp = new TestSmtp();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @Test
    void settingsAreForSuperusersAndHideTheSmtpPassword() {
        Response r = patch("/api/settings", Map.of("meta", Map.of("appName", "Basalt Test"),
                "smtp", Map.of("enabled", true, "host", "127.0.0.1", "port", smtpPort(), "username", "",
                        "password", "s3cret")), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("meta").get("appName").asString()).isEqualTo("Basalt Test");
        assertThat(r.json().get("smtp").has("password")).isFalse();
        JsonNode read = get("/api/settings", superuser()).json();
        assertThat(read.get("smtp").get("port").asInt()).isEqualTo(smtpPort());
        assertThat(read.get("smtp").get("enabled").asBoolean()).isTrue();
        assertThat(read.toString()).doesNotContain("s3cret");
        assertThat(read.get("meta").get("senderAddress").asString()).isEqualTo("support@example.com");

        assertThat(patch("/api/settings", Map.of("smtp", Map.of("port", 70000)), superuser()).json().get("data")
                .has("smtp.port")).isTrue();
        assertThat(patch("/api/settings", Map.of("meta", Map.of("appURL", "ftp://x")), superuser()).status())
                .isEqualTo(400);
        assertThat(get("/api/settings", null).status()).isEqualTo(401);
        String users = createUsers(Map.of());
        signUp(users, "settings-user@example.com");
        String token = signIn(users, "settings-user@example.com", PASSWORD).json().get("token").asString();
        assertThat(get("/api/settings", token).status()).isEqualTo(403);
    }

    @Test
    void withoutSmtpMailRequestsAnswerAsPocketBaseAndTheMailGoesToTheLog(CapturedOutput log) throws Exception {
        patch("/api/settings", Map.of("smtp", Map.of("enabled", false)), superuser());
        String users = createUsers(Map.of("otp", Map.of("enabled", true, "length", 6)));
        signUp(users, "nomail@example.com");
        for (String email : new String[] {"nomail@example.com", "nobody-here@example.com"}) {
            assertThat(post(path(users, "request-verification"), Map.of("email", email), null).status())
                    .as("no 400 and no account enumeration: " + email).isEqualTo(204);
            assertThat(post(path(users, "request-password-reset"), Map.of("email", email), null).status())
                    .isEqualTo(204);
            Response otp = post(path(users, "request-otp"), Map.of("email", email), null);
            assertThat(otp.status()).isEqualTo(200);
            assertThat(otp.json().get("otpId").asString()).isNotEmpty();
        }
        String token = signIn(users, "nomail@example.com", PASSWORD).json().get("token").asString();
        assertThat(post(path(users, "request-email-change"), Map.of("newEmail", "nomail-new@example.com"), token)
                .status()).isEqualTo(204);

        String out = log.getAll();
        assertThat(out).contains("SMTP is not enabled").contains("To: nomail@example.com")
                .contains("To: nomail-new@example.com").doesNotContain("To: nobody-here@example.com");
        Matcher reset = Pattern.compile("/_/#/auth/confirm-password-reset/([A-Za-z0-9_.-]+)").matcher(out);
        assertThat(reset.find()).as("the log shows the reset link: " + out).isTrue();
        assertThat(post(path(users, "confirm-password-reset"), Map.of("token", reset.group(1), "password",
                "another-password-1", "passwordConfirm", "another-password-1"), null).status())
                .as("the logged link works").isEqualTo(204);
        assertThat(signIn(users, "nomail@example.com", "another-password-1").status()).isEqualTo(200);
    }

    @Test
    void verificationByMail() throws Exception {
        useSmtp();
        String users = createUsers(Map.of("authRule", "verified = true"));
        String id = signUp(users, "verify-me@example.com").get("id").asString();
        assertThat(post(path(users, "request-verification"), Map.of("email", "unknown@example.com"), null).status())
                .as("the same answer for unknown emails").isEqualTo(204);
        assertThat(post(path(users, "request-verification"), Map.of("email", "not-an-email"), null).status())
                .isEqualTo(400);
        assertThat(post(path(users, "request-verification"), Map.of("email", "VERIFY-ME@example.com"), null).status())
                .isEqualTo(204);
        MimeMessage mail = mailTo("verify-me@example.com");
        assertThat(mail.getSubject()).isEqualTo("Verify your Acme email");
        String token = token(mail);

        assertThat(post(path(users, "confirm-verification"), Map.of("token", token + "x"), null).status()).isEqualTo(400);
        assertThat(signIn(users, "verify-me@example.com", PASSWORD).status()).isEqualTo(403);
        assertThat(post(path(users, "confirm-verification"), Map.of("token", token), null).status()).isEqualTo(204);
        assertThat(get("/api/collections/" + users + "/records/" + id, superuser()).json().get("verified").asBoolean())
                .isTrue();
        assertThat(signIn(users, "verify-me@example.com", PASSWORD).status()).isEqualTo(200);
        String other = createUsers(Map.of());
        assertThat(post(path(other, "confirm-verification"), Map.of("token", token), null).status())
                .as("a token of another collection").isEqualTo(400);
    }

    @Test
    void passwordResetByMail() throws Exception {
        useSmtp();
        String users = createUsers(Map.of());
        signUp(users, "forgetful@example.com");
        String refresh = signIn(users, "forgetful@example.com", PASSWORD).json().get("refreshToken").asString();
        assertThat(post(path(users, "request-password-reset"), Map.of("email", "forgetful@example.com"), null).status())
                .isEqualTo(204);
        String token = token(mailTo("forgetful@example.com"));

        Response mismatch = post(path(users, "confirm-password-reset"),
                Map.of("token", token, "password", "reset-Password-1", "passwordConfirm", "other"), null);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(post(path(users, "confirm-password-reset"),
                Map.of("token", token, "password", "reset-Password-1", "passwordConfirm", "reset-Password-1"), null)
                .status()).isEqualTo(204);
        assertThat(signIn(users, "forgetful@example.com", PASSWORD).status()).isEqualTo(400);
        assertThat(signIn(users, "forgetful@example.com", "reset-Password-1").status()).isEqualTo(200);
        assertThat(post(path(users, "confirm-password-reset"),
                Map.of("token", token, "password", "again-Password-1", "passwordConfirm", "again-Password-1"), null)
                .status()).as("a reset token works once").isEqualTo(400);
        assertThat(post(path(users, "auth-refresh"), Map.of("refreshToken", refresh), null).status())
                .as("a reset ends earlier sessions").isEqualTo(401);
    }

    @Test
    void emailChangeByMail() throws Exception {
        useSmtp();
        String users = createUsers(Map.of());
        signUp(users, "old-address@example.com");
        signUp(users, "taken@example.com");
        String token = signIn(users, "old-address@example.com", PASSWORD).json().get("token").asString();
        assertThat(post(path(users, "request-email-change"), Map.of("newEmail", "new-address@example.com"), null)
                .status()).isEqualTo(401);
        assertThat(post(path(users, "request-email-change"), Map.of("newEmail", "TAKEN@example.com"), token).status())
                .isEqualTo(400);
        assertThat(post(path(users, "request-email-change"), Map.of("newEmail", "new-address@example.com"), token)
                .status()).isEqualTo(204);
        String change = token(mailTo("new-address@example.com"));

        Response wrong = post(path(users, "confirm-email-change"), Map.of("token", change, "password", "nope"), null);
        assertThat(wrong.json().get("data").get("password").get("code").asString())
                .isEqualTo("validation_invalid_password");
        assertThat(post(path(users, "confirm-email-change"), Map.of("token", change, "password", PASSWORD), null)
                .status()).isEqualTo(204);
        Response auth = signIn(users, "new-address@example.com", PASSWORD);
        assertThat(auth.status()).isEqualTo(200);
        assertThat(auth.json().get("record").get("verified").asBoolean()).isTrue();
        assertThat(signIn(users, "old-address@example.com", PASSWORD).status()).isEqualTo(400);
        assertThat(post(path(users, "confirm-email-change"), Map.of("token", change, "password", PASSWORD), null)
                .status()).as("an email-change token works once").isEqualTo(400);
    }

    @Test
    void signInFromANewDeviceSendsAnAlert() throws Exception {
        useSmtp();
        String users = createUsers(Map.of());
        signUp(users, "alerted@example.com");
        assertThat(signInWith(users, "alerted@example.com", "Browser A")).isEqualTo(200);
        assertThat(signInWith(users, "alerted@example.com", "Browser A")).isEqualTo(200);
        Thread.sleep(300);
        int before = smtp.count();
        assertThat(signInWith(users, "alerted@example.com", "Browser B")).isEqualTo(200);
        MimeMessage alert = mailTo("alerted@example.com");
        assertThat(alert.getSubject()).isEqualTo("Login from a new location");
        assertThat(TestSmtp.body(alert)).as("{ALERT_INFO} is filled as PocketBase's")
                .containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z - 127\\.0\\.0\\.1 Browser B")
                .doesNotContain("{ALERT_INFO}");
        assertThat(smtp.count()).isEqualTo(before + 1);

        patch("/api/collections/" + users, Map.of("authAlert", Map.of("enabled", false)), superuser());
        assertThat(signInWith(users, "alerted@example.com", "Browser C")).isEqualTo(200);
        Thread.sleep(300);
        assertThat(smtp.count()).as("alerts disabled").isEqualTo(before + 1);
    }

    private int signInWith(String users, String email, String userAgent) {
        return execute(HttpRequest.newBuilder(URI.create(baseUrl() + path(users, "auth-with-password")))
                .header("Content-Type", "application/json").header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"identity\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build()).status();
    }

    private void useSmtp() {
        Response r = patch("/api/settings", Map.of("meta", Map.of("appName", "Acme"),
                "smtp", Map.of("enabled", true, "host", "127.0.0.1", "port", smtpPort(), "username", "", "tls", false)),
                superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static int smtpPort() {
        return smtp.port();
    }

    private static String path(String collection, String action) {
        return "/api/collections/" + collection + "/" + action;
    }

    private static MimeMessage mailTo(String address) throws Exception {
        return smtp.mailTo(address);
    }

    private static String token(MimeMessage mail) {
        return TestSmtp.find(mail, TOKEN);
    }
}
