package dev.basalt.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The settings screen (save, an env override shown read-only, the test email's SMTP failure with the server's
 * message), the logs (filter, chart, details), running a cron job, and an auth collection's OAuth2 providers (the Apple
 * client secret generated from a key).
 */
class AdminScreensBrowserTest extends BrowserTest {
    /** A port of this suite's range where nothing listens: the SMTP connection is refused at once. */
    private static final int CLOSED_PORT = 19577;
    /** Longest wait for the asynchronous log writer to store an entry. */
    private static final long LOG_WAIT_MS = 10_000;

    @Test
    void settingsAreSavedOverridesAreReadOnlyAndTheTestEmailShowsTheServersError() {
        JsonNode before = get("/api/settings", superuser()).json();
        try {
            signIn();
            navLink("Settings").click();
            page.getByLabel("Application name").fill("Dash Settings App");
            button("Save changes").click();
            assertThat(status("Settings saved.")).isVisible();
            assertThat(get("/api/settings", superuser()).json().at("/meta/appName").asString()).isEqualTo("Dash Settings App");

            navLink("Batch API").click();
            assertThat(page.getByRole(AriaRole.NOTE).first()).containsText("BASALT_BATCH_MAX_REQUESTS");
            assertThat(page.getByLabel("Max requests per batch")).isDisabled();
            assertThat(page.getByLabel("Timeout (seconds)")).isEnabled();

            navLink("Mail settings").click();
            page.getByLabel("Use an SMTP server").check();
            page.getByLabel("SMTP host").fill("127.0.0.1");
            page.getByLabel("SMTP port").fill(String.valueOf(CLOSED_PORT));
            assertThat(page.getByLabel("SMTP password")).hasValue("");
            assertThat(button("Send test email")).isDisabled(); // the test would use the saved settings
            button("Save changes").click();
            assertThat(button("Send test email")).isEnabled();
            page.getByLabel("Test recipient").fill("someone@example.com");
            button("Send test email").click();
            Locator error = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Send a test email"))
                    .getByRole(AriaRole.ALERT);
            // Only the saved SMTP server can refuse the mail (without one it goes to the log): the save worked too.
            assertThat(error).containsText("Failed to send the test email.");
            assertThat(get("/api/settings", superuser()).json().at("/smtp/port").asInt()).isEqualTo(CLOSED_PORT);
            screenshot("settings-mail-test-error");
        } finally {
            patch("/api/settings", Map.of("meta", Map.of("appName", before.at("/meta/appName").asString()),
                    "smtp", Map.of("enabled", false, "host", before.at("/smtp/host").asString(),
                            "port", before.at("/smtp/port").asInt())), superuser());
        }
    }

    @Test
    void logsAreFilteredChartedAndShownInDetail() throws InterruptedException {
        post("/api/collections", Map.of("name", "dash_logged", "fields", List.of(Map.of("name", "title", "type", "text"))),
                superuser());
        assertThat(get("/api/collections/dash_logged/records", null).status()).isEqualTo(403);
        awaitLog("data.url ~ 'dash_logged' && data.status = 403");
        signIn();
        navLink("Logs").click();
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions()
                .setName(java.util.regex.Pattern.compile("^Requests per hour: [1-9]")))).isVisible();
        page.getByLabel("Filter").fill("data.url ~ 'dash_logged'");
        page.getByLabel("Filter").press("Enter");
        Locator rows = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Logs")).getByRole(AriaRole.ROW);
        assertThat(rows).hasCount(2);
        screenshot("logs");
        button("GET /api/collections/dash_logged/records").click();
        Locator details = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Log details"));
        assertThat(details.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("status"))).containsText("403");
        assertThat(details).containsText("Only superusers can perform this action.");
        page.keyboard().press("Escape");
        // Zoom: a range typed outside the entries, then reset, then a drag across the chart.
        page.getByLabel("From (UTC)").fill("2000-01-01T00:00");
        page.getByLabel("To (UTC)").fill("2000-01-02T00:00");
        button("Apply").click();
        assertThat(page.getByText("No logs found.")).isVisible();
        button("Reset zoom").click();
        assertThat(rows).hasCount(2);
        var box = page.getByRole(AriaRole.IMG).first().boundingBox();
        page.mouse().move(box.x + box.width * 0.1, box.y + box.height / 2);
        page.mouse().down();
        page.mouse().move(box.x + box.width * 0.98, box.y + box.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(4));
        page.mouse().up();
        assertThat(button("Reset zoom")).isVisible();
        assertThat(page.getByLabel("From (UTC)")).not().hasValue("");
        assertThat(rows).hasCount(2); // the last hours, where the entries are
        button("Reset zoom").click();
        page.getByLabel("Filter").fill("data.status >>> 1");
        page.getByLabel("Filter").press("Enter");
        assertThat(page.getByRole(AriaRole.MAIN).getByRole(AriaRole.ALERT)).isVisible();
    }

    @Test
    void aCronJobRunsNowReachedByKeyboard() {
        signIn();
        page.keyboard().press("?");
        assertThat(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts"))).isVisible();
        page.keyboard().press("Escape");
        page.keyboard().press("g");
        page.keyboard().press("r");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Crons"))).isVisible();
        button("Run __pbOTPCleanup__ now").click();
        assertThat(status("Cron __pbOTPCleanup__ started.")).isVisible();
    }

    @Test
    void anOAuth2ProviderIsAddedAndItsSecretKept() {
        post("/api/collections", Map.of("name", "dash_oauth", "type", "auth", "fields", List.of()), superuser());
        signIn();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("dash_oauth")).click();
        button("Edit collection").click();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Options")).click();
        page.getByLabel("Enable OAuth2 sign-in").check();
        page.getByLabel("Add provider").selectOption("github");
        page.getByLabel("github client ID").fill("dash-client-id");
        page.getByLabel("github client secret").fill("dash-client-secret");
        page.getByLabel("Field for the OAuth2 name").fill("name");
        screenshot("oauth2-provider");
        button("Save").click();
        assertThat(status("Collection saved.")).isVisible();
        JsonNode oauth2 = get("/api/collections/dash_oauth", superuser()).json().get("oauth2");
        assertThat(oauth2.get("enabled").asBoolean()).isTrue();
        assertThat(oauth2.at("/providers/0/name").asString()).isEqualTo("github");
        assertThat(oauth2.at("/providers/0/clientId").asString()).isEqualTo("dash-client-id");
        assertThat(oauth2.at("/providers/0").has("clientSecret")).isFalse();

        // Saved again without typing the secret: the stored one is kept (the server requires one).
        button("Edit collection").click();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Options")).click();
        assertThat(page.getByLabel("github client secret")).hasValue("");
        page.getByLabel("github display name").fill("GitHub");
        button("Save").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0); // closed on success only
        assertThat(get("/api/collections/dash_oauth", superuser()).json().at("/oauth2/providers/0/displayName").asString())
                .isEqualTo("GitHub");
    }

    @Test
    void theAppleClientSecretIsGeneratedFromTheKey() throws Exception {
        post("/api/collections", Map.of("name", "dash_apple", "type", "auth", "fields", List.of()), superuser());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        signIn();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("dash_apple")).click();
        button("Edit collection").click();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Options")).click();
        page.getByLabel("Add provider").selectOption("apple");
        page.getByLabel("apple client ID").fill("com.example.dash");
        page.getByText("Generate the Apple client secret").click();
        page.getByLabel("Apple team ID").fill("short");
        button("Generate client secret").click();
        assertThat(page.getByText("The length must be exactly 10.").first()).isVisible();

        page.getByLabel("Apple team ID").fill("TEAM123456");
        page.getByLabel("Apple key ID").fill("KEY1234567");
        page.getByLabel("Apple private key (PEM)").fill("-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----");
        button("Generate client secret").click();
        assertThat(status("Client secret generated: save the collection to keep it.")).isVisible();
        SignedJWT secret = SignedJWT.parse(page.getByLabel("apple client secret").inputValue());
        assertThat(secret.verify(new ECDSAVerifier((ECPublicKey) keys.getPublic()))).isTrue();
        assertThat(secret.getJWTClaimsSet().getSubject()).isEqualTo("com.example.dash");
    }

    /** Waits (bounded) until the asynchronous log writer has stored an entry matching the filter. */
    private void awaitLog(String filter) throws InterruptedException {
        String path = "/api/logs?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
        long deadline = System.currentTimeMillis() + LOG_WAIT_MS;
        while (get(path, superuser()).json().get("totalItems").asInt() == 0) {
            assertThat(System.currentTimeMillis()).as("log entry for " + filter).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
