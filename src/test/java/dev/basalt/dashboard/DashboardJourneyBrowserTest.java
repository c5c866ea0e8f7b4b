package dev.basalt.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The "done when": a superuser signs in, builds two collections (a relation, a file with a thumbnail, a
 * rule typed with completion), adds records with a file and a relation, and sees the rule at work in the API
 * preview; then the server's message for an invalid rule shows where the rule is typed.
 */
class DashboardJourneyBrowserTest extends BrowserTest {

    @Test
    void buildCollectionsAddRecordsAndPreviewTheApi() throws IOException {
        signIn();
        newCollection("dash_authors");
        addField("text", 4).getByLabel("Name").fill("name");
        button("Create").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("dash_authors"))).isVisible();

        newCollection("dash_posts");
        addField("text", 4).getByLabel("Name").fill("title");
        Locator cover = addField("file", 5);
        cover.getByLabel("Name").fill("cover");
        cover.getByLabel("Thumb sizes").fill("100x100");
        cover.getByLabel("Thumb sizes").blur();
        Locator author = addField("relation", 6);
        author.getByLabel("Name").fill("author");
        author.getByLabel("Related collection").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("dash_authors"));
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("API rules")).click();
        page.getByLabel("List/Search rule: superusers only").uncheck();
        Locator listRule = page.getByLabel("List/Search rule", new Page.GetByLabelOptions().setExact(true));
        listRule.pressSequentially("tit");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("title").setExact(true)).click();
        listRule.press("End");
        listRule.pressSequentially(" != \"\"");
        assertThat(listRule).hasValue("title != \"\"");
        screenshot("collection-rules");
        button("Create").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("dash_posts"))).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("dash_authors")).click();
        button("New record").click();
        page.getByLabel("name", new Page.GetByLabelOptions().setExact(true)).fill("Ann");
        button("Create").click();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Ann"))).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("dash_posts")).click();
        button("New record").click();
        page.getByLabel("title", new Page.GetByLabelOptions().setExact(true)).fill("Hello");
        page.getByLabel("cover", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(new FilePayload("cover.png", "image/png", png()));
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Preview of cover.png"))).isVisible();
        page.getByLabel("author", new Page.GetByLabelOptions().setExact(true)).fill("An");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Ann")).click();
        screenshot("record-form");
        button("Create").click();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Hello"))).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE).getByRole(AriaRole.IMG)).hasCount(1);

        JsonNode post = get("/api/collections/dash_posts/records?expand=author", superuser()).json().at("/items/0");
        assertThat(post.get("title").asString()).isEqualTo("Hello");
        assertThat(post.get("cover").asString()).startsWith("cover").endsWith(".png");
        assertThat(post.at("/expand/author/name").asString()).isEqualTo("Ann");

        button("API preview").click();
        Locator list = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("List/Search API"));
        assertThat(list).containsText("title != \"\"");
        assertThat(list).containsText("pb.collection('dash_posts').getList(1, 30");
        button("Send as a guest").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Answer to a guest"))).containsText("200");
        assertThat(list).containsText("\"title\": \"Hello\"");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("View")).click();
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("View API"))).containsText("Only superusers");
        screenshot("api-preview");
    }

    @Test
    void invalidRuleShowsTheServersMessageAtTheRule() {
        signIn();
        newCollection("dash_bad_rule");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("API rules")).click();
        page.getByLabel("Create rule: superusers only").uncheck();
        page.getByLabel("Create rule", new Page.GetByLabelOptions().setExact(true)).fill("no_such_field = 1");
        button("Create").click();
        assertThat(page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.ALERT).last()).containsText("Invalid rule");
        assertThat(get("/api/collections/dash_bad_rule", superuser()).status()).isEqualTo(404);
    }

    private void newCollection(String name) {
        button("New collection").click();
        page.getByRole(AriaRole.DIALOG).getByLabel("Name").first().fill(name);
    }

    /** Adds a field of the type through the "Add field" select; answers its group ("Field N: type"). */
    private Locator addField(String type, int position) {
        page.getByLabel("Add field").selectOption(type);
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Field " + position + ": " + type));
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
