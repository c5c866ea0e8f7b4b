package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One-time passwords by mail (read back from GreenMail) and multi-factor sign-in. */
class OtpMfaApiTest extends AuthFixtures {
    private static final Pattern OTP = Pattern.compile("<strong>(\\d+)</strong>");
    private static TestSmtp smtp;

    @BeforeAll
    static void startSmtp() {
        smtp = new TestSmtp();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @BeforeEach
    void useSmtp() {
        patch("/api/settings", Map.of("smtp", Map.of("enabled", true, "host", "127.0.0.1", "port", smtp.port(),
                "username", "", "tls", false)), superuser());
    }

    @Test
    void otpSignInByMail() throws Exception {
        String disabled = createUsers(Map.of());
        assertThat(post(path(disabled, "request-otp"), Map.of("email", "x@example.com"), null).status()).isEqualTo(403);

        String users = createUsers(Map.of("otp", Map.of("enabled", true, "length", 6)));
        signUp(users, "otp-user@example.com");
        Response requested = post(path(users, "request-otp"), Map.of("email", "OTP-user@example.com"), null);
        assertThat(requested.status()).isEqualTo(200);
        String otpId = requested.json().get("otpId").asString();
        String code = TestSmtp.find(smtp.mailTo("otp-user@example.com"), OTP);
        assertThat(code).hasSize(6);

        assertThat(post(path(users, "auth-with-otp"), Map.of("otpId", otpId, "password", "000000x"), null).status())
                .isEqualTo(400);
        Response auth = post(path(users, "auth-with-otp"), Map.of("otpId", otpId, "password", code), null);
        assertThat(auth.status()).as(auth.body()).isEqualTo(200);
        assertThat(auth.json().get("record").get("verified").asBoolean()).as("the mail reached it").isTrue();
        assertThat(auth.json().get("refreshToken").asString()).isNotBlank();
        assertThat(post(path(users, "auth-with-otp"), Map.of("otpId", otpId, "password", code), null).status())
                .as("an OTP works once").isEqualTo(400);

        int before = smtp.count();
        Response unknown = post(path(users, "request-otp"), Map.of("email", "nobody@example.com"), null);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().get("otpId").asString()).hasSize(otpId.length());
        // mails leave on their own threads: once a later mail has arrived, one for the unknown email would have too
        post(path(users, "request-otp"), Map.of("email", "otp-user@example.com"), null);
        smtp.mailTo("otp-user@example.com", 2);
        assertThat(smtp.count()).as("no mail for an unknown email").isEqualTo(before + 1);
        JsonNode methods = get(path(users, "auth-methods"), null).json();
        assertThat(methods.get("otp").get("enabled").asBoolean()).isTrue();
        assertThat(methods.get("otp").get("duration").asLong()).isEqualTo(180);
    }

    @Test
    void otpGuessesAndAgeAreLimited() throws Exception {
        String users = createUsers(Map.of("otp", Map.of("enabled", true)));
        signUp(users, "guess@example.com");
        String otpId = post(path(users, "request-otp"), Map.of("email", "guess@example.com"), null).json()
                .get("otpId").asString();
        String code = TestSmtp.find(smtp.mailTo("guess@example.com"), OTP);
        for (int i = 0; i < OneTimePasswords.MAX_ATTEMPTS; i++) {
            post(path(users, "auth-with-otp"), Map.of("otpId", otpId, "password", "wrong"), null);
        }
        assertThat(post(path(users, "auth-with-otp"), Map.of("otpId", otpId, "password", code), null).status())
                .as("dropped after too many guesses").isEqualTo(400);

        String second = post(path(users, "request-otp"), Map.of("email", "guess@example.com"), null).json()
                .get("otpId").asString();
        String secondCode = TestSmtp.find(smtp.mailTo("guess@example.com", 2), OTP);
        clock.advance(Duration.ofSeconds(181)); // the OTP lives 180 s
        assertThat(post(path(users, "auth-with-otp"), Map.of("otpId", second, "password", secondCode), null).status())
                .as("expired").isEqualTo(400);
    }

    @Test
    void mfaNeedsASecondDifferentMethod() throws Exception {
        String users = createUsers(Map.of("otp", Map.of("enabled", true), "mfa", Map.of("enabled", true)));
        signUp(users, "mfa@example.com");
        Response first = signIn(users, "mfa@example.com", PASSWORD);
        assertThat(first.status()).isEqualTo(401);
        String mfaId = first.json().get("mfaId").asString();
        assertThat(first.json().has("token")).isFalse();

        Response samePassword = post(path(users, "auth-with-password"),
                Map.of("identity", "mfa@example.com", "password", PASSWORD, "mfaId", mfaId), null);
        assertThat(samePassword.status()).as("the same method twice").isEqualTo(400);

        String mfa2 = signIn(users, "mfa@example.com", PASSWORD).json().get("mfaId").asString();
        String otpId = post(path(users, "request-otp"), Map.of("email", "mfa@example.com"), null).json()
                .get("otpId").asString();
        String code = TestSmtp.find(smtp.mailTo("mfa@example.com"), OTP);
        Response done = post(path(users, "auth-with-otp"), Map.of("otpId", otpId, "password", code, "mfaId", mfa2), null);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("token").asString()).isNotBlank();
        assertThat(post(path(users, "auth-with-password"),
                Map.of("identity", "mfa@example.com", "password", PASSWORD, "mfaId", mfa2), null).status())
                .as("an mfaId is used once").isEqualTo(400);
    }

    private static String path(String collection, String action) {
        return "/api/collections/" + collection + "/" + action;
    }
}
