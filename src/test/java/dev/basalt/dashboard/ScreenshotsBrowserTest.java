package dev.basalt.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The main screens (records, collection editor, API preview, logs, settings) in light and dark themes (target/dashboard-screenshots/docs-*.png, from which docs/img/ is
 * taken), and the first load of /_/ against a size budget: every byte the sign-in page needs, written with its
 * time to target/dashboard-screenshots/first-load.txt.
 */
class ScreenshotsBrowserTest extends BrowserTest {
    /** The sign-in page with everything it loads must stay below this many bytes (uncompressed). */
    private static final long FIRST_LOAD_BUDGET = 120_000;
    /** A tablet in portrait. */
    private static final int TABLET_WIDTH = 768;

    @Test
    void mainScreensInLightAndDark() {
        String authors = post("/api/collections", Map.of("name", "shop_brands", "fields", List.of(
                Map.of("name", "name", "type", "text", "presentable", true))), superuser()).json().get("id").asString();
        post("/api/collections", Map.of("name", "shop_products", "listRule", "", "viewRule", "", "fields", List.of(
                Map.of("name", "name", "type", "text", "required", true),
                Map.of("name", "price", "type", "number"),
                Map.of("name", "in_stock", "type", "bool"),
                Map.of("name", "brand", "type", "relation", "collectionId", authors, "maxSelect", 1),
                Map.of("name", "tags", "type", "select", "values", List.of("new", "sale", "eco"), "maxSelect", 3),
                Map.of("name", "released", "type", "date"))), superuser());
        List<String> brands = new ArrayList<>();
        for (String b : List.of("Acme", "Globex", "Initech")) {
            brands.add(post("/api/collections/shop_brands/records", Map.of("name", b), superuser()).json().get("id").asString());
        }
        String[] names = {"Anvil", "Rocket skates", "Portable hole", "Stapler", "TPS report cover", "Laser pointer"};
        for (int i = 0; i < names.length; i++) {
            post("/api/collections/shop_products/records", Map.of("name", names[i], "price", 10 + i * 7.5,
                    "in_stock", i % 2 == 0, "brand", brands.get(i % 3), "tags", List.of(i % 2 == 0 ? "new" : "sale"),
                    "released", "2025-0" + (i + 1) + "-15 09:30:00.000Z"), superuser());
        }
        signIn();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("shop_products")).click();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Acme")).first()).isVisible();
        screenshot("docs-records-light");
        button("Dark theme").click();
        button("Edit collection").click();
        screenshot("docs-collection-dark");
        page.keyboard().press("Escape");
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        page.keyboard().press("/");
        assertThat(page.getByLabel("Filter")).isFocused();
        button("API preview").click();
        button("Send as a guest").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Answer to a guest"))).isVisible();
        screenshot("docs-preview-dark");
        page.keyboard().press("Escape");
        navLink("Logs").click();
        page.getByLabel("Include requests by superusers").check();
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions()
                .setName(java.util.regex.Pattern.compile("^Requests per hour: [1-9]")))).isVisible();
        screenshot("docs-logs-dark");
        button("Light theme").click();
        navLink("Settings").click();
        navLink("Mail settings").click();
        assertThat(page.getByLabel("SMTP host")).isVisible();
        screenshot("docs-settings-light");

        // A tablet: the page itself never scrolls sideways (wide tables scroll inside their own frame).
        page.setViewportSize(TABLET_WIDTH, 1000);
        screenshot("tablet-settings");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(TABLET_WIDTH);
        navLink("Logs").click();
        screenshot("tablet-logs");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(TABLET_WIDTH);
    }

    @Test
    void firstLoadStaysWithinBudget() throws IOException {
        List<com.microsoft.playwright.Response> responses = new ArrayList<>();
        page.onResponse(responses::add);
        long start = System.nanoTime();
        page.navigate("/_/");
        page.getByLabel("Password").waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long bytes = 0;
        StringBuilder lines = new StringBuilder();
        for (com.microsoft.playwright.Response r : responses) {
            if (r.url().contains("/_/lib/")) {
                assertThat(r.headerValue("cache-control")).as("versioned library").contains("immutable");
            }
            int size = r.body().length;
            bytes += size;
            lines.append(r.status()).append(' ').append(size).append(' ').append(r.url()).append('\n');
        }
        lines.append("total ").append(bytes).append(" bytes in ").append(responses.size()).append(" responses, ")
                .append(millis).append(" ms to the sign-in form\n");
        Files.createDirectories(SCREENSHOTS);
        Files.writeString(SCREENSHOTS.resolve("first-load.txt"), lines, StandardCharsets.UTF_8);
        assertThat(bytes).as(lines.toString()).isPositive().isLessThan(FIRST_LOAD_BUDGET);
    }
}
