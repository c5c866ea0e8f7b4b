package dev.basalt.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Superuser sign-in at /_/: a wrong password shows the server's message; a session survives a reload; sign-out; a
 * token close to its expiry is refreshed.
 */
class SignInBrowserTest extends BrowserTest {

    @Test
    void wrongPasswordShowsTheServersMessage() {
        page.navigate("/_/");
        page.getByLabel("Email").fill(SUPERUSER_EMAIL);
        page.getByLabel("Password").fill("not-the-password");
        button("Sign in").click();
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("Failed to authenticate.");
        assertThat(page.getByLabel("Email")).isVisible();
        screenshot("sign-in-error");
    }

    @Test
    void signInIsRememberedAcrossReloadsUntilSignOut() {
        signIn();
        page.reload();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Collections"))).isVisible();
        assertThat(page.evaluate("() => JSON.parse(localStorage.getItem('__pb_superuser_auth__')).record.email"))
                .isEqualTo(SUPERUSER_EMAIL);
        button("Sign out").click();
        assertThat(page.getByLabel("Password")).isVisible();
        page.reload();
        assertThat(page.getByLabel("Password")).isVisible();
    }

    @Test
    void aTokenCloseToItsExpiryIsRefreshed() {
        long duration = get("/api/collections/_superusers", superuser()).json().at("/authToken/duration").asLong();
        // Shorter than the dashboard's refresh margin (300 s): the first request after sign-in refreshes the token.
        patch("/api/collections/_superusers", Map.of("authToken", Map.of("duration", 200)), superuser());
        try {
            // Fails with a timeout when no refresh is sent.
            com.microsoft.playwright.Response refresh = page.waitForResponse(
                    r -> r.url().endsWith("/api/collections/_superusers/auth-refresh"), this::signIn);
            assertThat(refresh.status()).isEqualTo(200);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API keys")).click();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New API key"))).isVisible();
        } finally {
            patch("/api/collections/_superusers", Map.of("authToken", Map.of("duration", duration)), superuser());
        }
    }

    @Test
    void dashboardIsServedAtUnderscoreSlash() {
        assertThat(get("/_", null).status()).isEqualTo(301);
        Response index = get("/_/", null);
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("/_/lib/lit-html/").doesNotContain("{{LIT_HTML}}");
        assertThat(get("/_/js/app.js", null).status()).isEqualTo(200);
        assertThat(get("/_/missing.js", null).status()).isEqualTo(404);
    }
}
