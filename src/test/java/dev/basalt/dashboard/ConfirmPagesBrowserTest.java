package dev.basalt.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The links in Basalt's own mails (verification, password reset, email change) open pages of the dashboard that
 * finish the action through the public API: each test follows the link exactly as mailed to a real SMTP server.
 * Also the superuser sign-in with MFA, whose second factor is a one-time password mailed the same way.
 */
class ConfirmPagesBrowserTest extends BrowserTest {
    private static final String USERS = "dash_confirm_users";
    private static final String PASSWORD = "first-Password-1";
    private static final Pattern LINK = Pattern.compile("href=\"(http[^\"]+/_/#/auth/confirm-[^\"]+)\"");
    private static final Pattern OTP = Pattern.compile("<strong>(\\d+)</strong>");
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

    @BeforeEach
    void mailSettings() {
        patch("/api/settings", Map.of("meta", Map.of("appURL", baseUrl(), "senderAddress", "basalt@example.com"),
                "smtp", Map.of("enabled", true, "host", "127.0.0.1", "port", smtp.getSmtp().getPort())), superuser());
        if (get("/api/collections/" + USERS, superuser()).status() == 404) {
            post("/api/collections", Map.of("name", USERS, "type", "auth", "fields", List.of()), superuser());
        }
    }

    @org.junit.jupiter.api.AfterEach
    void mailOff() {
        patch("/api/settings", Map.of("smtp", Map.of("enabled", false)), superuser());
    }

    @Test
    void verificationLinkVerifiesTheEmail() throws Exception {
        String email = user("verify");
        post("/api/collections/" + USERS + "/request-verification", Map.of("email", email), null);
        page.navigate(link(email));
        assertThat(page.getByRole(AriaRole.STATUS).getByText("Your email address is verified.")).isVisible();
        assertThat(signInAs(email, PASSWORD).json().at("/record/verified").asBoolean()).isTrue();
    }

    @Test
    void passwordResetLinkSetsTheNewPassword() throws Exception {
        String email = user("reset");
        post("/api/collections/" + USERS + "/request-password-reset", Map.of("email", email), null);
        page.navigate(link(email));
        page.getByLabel("New password", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .fill("second-Password-2");
        page.getByLabel("Confirm new password").fill("other-Password-3");
        button("Set new password").click();
        assertThat(page.getByRole(AriaRole.ALERT).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Values don't match."))).isVisible();
        page.getByLabel("Confirm new password").fill("second-Password-2");
        button("Set new password").click();
        assertThat(page.getByText("Your password has been changed.")).isVisible();
        screenshot("confirm-password-reset");
        assertThat(signInAs(email, "second-Password-2").status()).isEqualTo(200);
    }

    @Test
    void emailChangeLinkAsksForThePassword() throws Exception {
        String email = user("change");
        String token = signInAs(email, PASSWORD).json().get("token").asString();
        post("/api/collections/" + USERS + "/request-email-change", Map.of("newEmail", "new-" + email), token);
        page.navigate(link("new-" + email));
        page.getByLabel("Password").fill(PASSWORD);
        button("Confirm new email").click();
        assertThat(page.getByText("Your email address has been changed.")).isVisible();
        assertThat(signInAs("new-" + email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void superuserSignInWithMfaAsksForTheMailedOneTimePassword() throws Exception {
        Map<String, Object> on = Map.of("otp", Map.of("enabled", true), "mfa", Map.of("enabled", true));
        assertThat(patch("/api/collections/_superusers", on, superuser()).status()).isEqualTo(200);
        try {
            int before = mailsTo(SUPERUSER_EMAIL).size();
            page.navigate("/_/");
            page.getByLabel("Email").fill(SUPERUSER_EMAIL);
            page.getByLabel("Password").fill(SUPERUSER_PASSWORD);
            button("Sign in").click();
            page.getByLabel("One-time password").waitFor();
            page.getByLabel("One-time password").fill(find(mail(SUPERUSER_EMAIL, before), OTP));
            button("Sign in").click();
            assertThat(page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
                    .setName("Collections"))).isVisible();
        } finally {
            patch("/api/collections/_superusers", Map.of("otp", Map.of("enabled", false), "mfa", Map.of("enabled", false)),
                    superuser());
        }
    }

    @Test
    void templatesAreEditedAndAVerificationMailIsSentFromTheRecord() throws Exception {
        String email = user("dashsend");
        signIn();
        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName(USERS)).click();
        button("Edit collection").click();
        page.getByRole(AriaRole.TAB, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Options")).click();
        page.getByLabel("Verification mail subject").fill("Dash verify {APP_NAME}");
        page.getByLabel("OTP mail subject").fill("Dash code {APP_NAME}");
        page.getByLabel("Send a login alert from a new location").check();
        page.getByLabel("Login alert mail subject").fill("");
        button("Save").click();
        assertThat(page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.ALERT).first()).isVisible(); // the server's error
        page.getByLabel("Login alert mail subject").fill("Dash alert");
        button("Save").click();
        assertThat(status("Collection saved.")).isVisible();
        var saved = get("/api/collections/" + USERS, superuser()).json();
        assertThat(saved.at("/otp/emailTemplate/subject").asString()).isEqualTo("Dash code {APP_NAME}");
        assertThat(saved.at("/authAlert/emailTemplate/subject").asString()).isEqualTo("Dash alert");
        // No login alerts for the other tests' sign-ins (their "latest mail" must be the one with the link).
        patch("/api/collections/" + USERS, Map.of("authAlert", Map.of("enabled", false)), superuser());

        int before = mailsTo(email).size();
        page.getByLabel("Filter").fill("email = '" + email + "'");
        page.getByLabel("Filter").press("Enter");
        page.getByRole(AriaRole.CELL, new com.microsoft.playwright.Page.GetByRoleOptions().setName(email)).click();
        button("Send verification email").click();
        assertThat(status("Verification email requested for " + email + ".")).isVisible();
        page.navigate(find(mail(email, before), LINK));
        assertThat(page.getByRole(AriaRole.STATUS).getByText("Your email address is verified.")).isVisible();
        assertThat(mailsTo(email).stream().skip(before).anyMatch(m -> subject(m).startsWith("Dash verify"))).isTrue();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String user(String prefix) {
        String email = prefix + System.nanoTime() + "@example.com";
        Response r = post("/api/collections/" + USERS + "/records",
                Map.of("email", email, "password", PASSWORD, "passwordConfirm", PASSWORD), superuser());
        assertThat(r.status()).isEqualTo(200);
        return email;
    }

    private Response signInAs(String email, String password) {
        return post("/api/collections/" + USERS + "/auth-with-password",
                Map.of("identity", email, "password", password), null);
    }

    /** The dashboard link of the latest mail to this address. */
    private static String link(String address) throws Exception {
        return find(mail(address, 0), LINK);
    }

    /**
     * The body of the latest mail to this address, once more than {@code after} mails reached it. Counted per
     * address: GreenMail lists received mails grouped by mailbox, not in arrival order, so a position in the whole
     * list says nothing about when a mail came.
     */
    private static String mail(String address, int after) throws Exception {
        long deadline = System.currentTimeMillis() + MAIL_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> received = mailsTo(address);
            if (received.size() > after) {
                return GreenMailUtil.getBody(received.getLast()).replace("=\r\n", "").replace("=3D", "=");
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + address);
    }

    /** The mails received for this address, oldest first. */
    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                found.add(m);
            }
        }
        return found;
    }

    private static String find(String body, Pattern pattern) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as("%s in %s", pattern, body).isTrue();
        return m.group(1);
    }
}
