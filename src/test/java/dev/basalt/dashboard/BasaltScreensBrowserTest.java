package dev.basalt.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Basalt's own screens (API keys shown once and revoked, the sessions of a user, roles), impersonating a user, a
 * view collection built with a dry run, and the theme toggle.
 */
class BasaltScreensBrowserTest extends BrowserTest {

    @Test
    void apiKeyIsShownOnceWorksAndIsRevoked() {
        post("/api/collections", Map.of("name", "dash_keyed", "fields", List.of(Map.of("name", "title", "type", "text"))),
                superuser());
        page.onDialog(d -> d.accept());
        signIn();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API keys")).click();
        button("New API key").click();
        page.getByLabel("Name").fill("reporting");
        page.getByLabel("Scopes").fill("dash_keyed:list, nosuch:list");
        button("Create").click();
        assertThat(page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.ALERT).last()).containsText("No such collection.");
        page.getByLabel("Scopes").fill("dash_keyed:list");
        button("Create").click();
        Locator key = page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true));
        assertThat(key).hasValue(java.util.regex.Pattern.compile("^\\S{20,}$"));
        String secret = key.inputValue();
        assertThat(withKey(secret)).isEqualTo(200);
        screenshot("api-key-created");
        button("Done").click();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("reporting").setExact(true))).isVisible();
        assertThat(page.getByText(secret)).hasCount(0);
        button("Revoke reporting").click();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("reporting").setExact(true))).hasCount(0);
        assertThat(withKey(secret)).isIn(401, 403);
    }

    @Test
    void sessionsOfAUserAreListedAndRevoked() {
        post("/api/collections", Map.of("name", "dash_members", "type", "auth", "listRule", "id = @request.auth.id",
                "fields", List.of()), superuser());
        post("/api/collections/dash_members/records", Map.of("email", "m@example.com", "password", "member-Pass-1",
                "passwordConfirm", "member-Pass-1"), superuser());
        Map<String, String> creds = Map.of("identity", "m@example.com", "password", "member-Pass-1");
        String first = post("/api/collections/dash_members/auth-with-password", creds, null).json().get("token").asString();
        post("/api/collections/dash_members/auth-with-password", creds, null);
        page.onDialog(d -> d.accept());
        signIn();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("dash_members")).click();
        page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("m@example.com")).click();
        Locator sessions = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Sessions"));
        assertThat(sessions.getByRole(AriaRole.ROW)).hasCount(3);
        screenshot("sessions");
        button("Revoke all sessions").click();
        assertThat(page.getByText("No active sessions.")).isVisible();
        assertThat(post("/api/collections/dash_members/auth-refresh", Map.of(), first).status()).isEqualTo(401);

        button("Impersonate").click();
        Locator token = page.getByLabel("Auth token");
        assertThat(token).hasValue(java.util.regex.Pattern.compile("^ey"));
        JsonNode me = get("/api/collections/dash_members/records", token.inputValue()).json();
        assertThat(me.at("/items/0/email").asString()).isEqualTo("m@example.com");
    }

    @Test
    void rolesAndAViewCollectionWithADryRun() {
        post("/api/collections", Map.of("name", "dash_viewed", "fields", List.of(Map.of("name", "title", "type", "text"))),
                superuser());
        post("/api/collections/dash_viewed/records", Map.of("title", "seen in the view"), superuser());
        signIn();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Roles").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("_roles"))).isVisible();
        button("New record").click();
        page.getByRole(AriaRole.DIALOG).getByLabel("name", new Locator.GetByLabelOptions().setExact(true)).fill("editor");
        button("Create").click();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("editor"))).isVisible();

        button("New collection").click();
        page.getByRole(AriaRole.DIALOG).getByLabel("Name").first().fill("dash_view");
        page.getByLabel("Type").selectOption("view");
        page.getByLabel("View query").fill("SELECT id, title FROM dash_viewed");
        button("Dry run").click();
        assertThat(page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.CELL,
                new Locator.GetByRoleOptions().setName("\"seen in the view\""))).isVisible();
        button("Create").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("dash_view"))).isVisible();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("seen in the view"))).isVisible();
    }

    @Test
    void themeToggleIsRemembered() {
        signIn();
        button("Dark theme").click();
        assertThat(page.evaluate("document.documentElement.dataset.theme")).isEqualTo("dark");
        page.reload();
        assertThat(button("Light theme")).isVisible();
        button("Light theme").click();
        assertThat(page.evaluate("document.documentElement.dataset.theme")).isEqualTo("light");
    }

    private int withKey(String key) {
        return execute(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/collections/dash_keyed/records"))
                .header("X-API-Key", key).build()).status();
    }
}
