package dev.basalt.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The records screen: sort, filter with completion (and the server's message for a bad filter), column chooser, a
 * form input for every field type, edit, duplicate, delete, bulk delete, a record created elsewhere appearing live,
 * and truncate.
 */
class RecordsBrowserTest extends BrowserTest {
    private static final String ITEMS = "dash_items";

    @BeforeEach
    void collection() {
        delete("/api/collections/" + ITEMS, superuser());
        Response r = post("/api/collections", Map.of("name", ITEMS, "listRule", "", "fields", List.of(
                Map.of("name", "title", "type", "text", "required", true),
                Map.of("name", "count", "type", "number"),
                Map.of("name", "done", "type", "bool"),
                Map.of("name", "email", "type", "email"),
                Map.of("name", "site", "type", "url"),
                Map.of("name", "body", "type", "editor"),
                Map.of("name", "when", "type", "date"),
                Map.of("name", "status", "type", "select", "values", List.of("a", "b"), "maxSelect", 1),
                Map.of("name", "tags", "type", "select", "values", List.of("x", "y", "z"), "maxSelect", 3),
                Map.of("name", "meta", "type", "json"),
                Map.of("name", "place", "type", "geoPoint"))), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (int i = 1; i <= 3; i++) {
            post("/api/collections/" + ITEMS + "/records", Map.of("title", List.of("alpha", "beta", "gamma").get(i - 1),
                    "count", i), superuser());
        }
        page.onDialog(d -> d.accept());
        signIn();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(ITEMS)).click();
        assertThat(rows()).hasCount(3);
    }

    @Test
    void sortFilterAndColumns() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sort by count")).click();
        assertThat(rows().first()).containsText("alpha");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sort by count")).click();
        assertThat(rows().first()).containsText("gamma");

        page.getByLabel("Filter").pressSequentially("cou");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("count").setExact(true)).click();
        page.getByLabel("Filter").pressSequentially(" >= 2");
        assertThat(page.getByLabel("Filter")).hasValue("count >= 2");
        page.getByLabel("Filter").press("Enter");
        assertThat(rows()).hasCount(2);
        page.getByLabel("Filter").fill("count >>> 2");
        page.getByLabel("Filter").press("Enter");
        assertThat(page.getByRole(AriaRole.ALERT).first()).isVisible();

        button("Columns").click();
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Columns")).getByLabel("count").uncheck();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sort by count"))).hasCount(0);
        page.reload();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sort by count"))).hasCount(0);
    }

    @Test
    void everyFieldTypeCreateEditDuplicateDelete() {
        button("New record").click();
        label("title").fill("delta");
        label("count").fill("4");
        label("done").check();
        label("email").fill("ann@example.com");
        label("site").fill("https://example.com");
        label("body").fill("<p>Hi</p>");
        label("when").fill("2030-01-02T03:04");
        label("status").selectOption("b");
        label("tags").selectOption(new String[] {"x", "z"});
        label("meta").fill("{");
        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Invalid JSON"))).isVisible();
        label("meta").fill("{\"a\": 1}");
        label("place longitude").fill("13.4");
        label("place latitude").fill("52.5");
        screenshot("record-form-types");
        button("Create").click();
        assertThat(rows()).hasCount(4);
        JsonNode delta = one("title = 'delta'");
        assertThat(delta.get("count").asInt()).isEqualTo(4);
        assertThat(delta.get("done").asBoolean()).isTrue();
        assertThat(delta.get("email").asString()).isEqualTo("ann@example.com");
        assertThat(delta.get("body").asString()).contains("Hi");
        assertThat(delta.get("when").asString()).isEqualTo("2030-01-02 03:04:00.000Z");
        assertThat(delta.get("status").asString()).isEqualTo("b");
        assertThat(delta.get("tags").toString()).isEqualTo("[\"x\",\"z\"]");
        assertThat(delta.at("/meta/a").asInt()).isEqualTo(1);
        assertThat(delta.at("/place/lat").asDouble()).isEqualTo(52.5);

        rows().filter(new Locator.FilterOptions().setHasText("delta")).click();
        label("title").fill("delta2");
        button("Save").click();
        assertThat(rows().filter(new Locator.FilterOptions().setHasText("delta2"))).hasCount(1);

        rows().filter(new Locator.FilterOptions().setHasText("delta2")).click();
        button("Duplicate").click();
        assertThat(label("title")).hasValue("delta2");
        label("title").fill("epsilon");
        button("Create").click();
        assertThat(rows()).hasCount(5);
        assertThat(one("title = 'epsilon'").at("/meta/a").asInt()).isEqualTo(1);

        rows().filter(new Locator.FilterOptions().setHasText("epsilon")).click();
        button("Delete").click();
        assertThat(rows()).hasCount(4);
        assertThat(list("title = 'epsilon'").size()).isZero();
    }

    @Test
    void richTextToolbarAndCheckedCoordinates() {
        button("New record").click();
        label("title").fill("rich");
        label("body").fill("Hello world");
        label("body").press("Control+a");
        button("Bold").click();
        button("Bulleted list").click();
        label("place longitude").fill("13.4");
        label("place latitude").fill("95");
        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("latitude must be a number")))
                .isVisible();
        button("Create").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).isVisible();
        assertThat(list("title = 'rich'").size()).as("nothing sent while a coordinate is out of range").isZero();
        label("place latitude").fill("-33.9");
        screenshot("record-form-editor-geopoint");
        button("Create").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        JsonNode rich = one("title = 'rich'");
        assertThat(rich.get("body").asString()).contains("<li>").containsPattern("<(b|strong)>Hello world</(b|strong)>");
        assertThat(rich.at("/place/lat").asDouble()).isEqualTo(-33.9);
        assertThat(rich.at("/place/lon").asDouble()).isEqualTo(13.4);

        rows().filter(new Locator.FilterOptions().setHasText("rich")).click();
        button("HTML source").click();
        assertThat(label("body")).hasValue(java.util.regex.Pattern.compile("Hello world"));
    }

    @Test
    void fieldsAreReorderedByDragAndDrop() {
        button("Edit collection").click();
        Locator count = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Field 3: number").setExact(true));
        count.getByTitle("Drag to reorder (or use Move up/down)")
                .dragTo(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Field 2: text").setExact(true)));
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Field 2: number").setExact(true))).isVisible();
        button("Save").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        JsonNode fields = get("/api/collections/" + ITEMS, superuser()).json().get("fields");
        assertThat(fields.get(1).get("name").asString()).isEqualTo("count");
        assertThat(fields.get(2).get("name").asString()).isEqualTo("title");
    }

    @Test
    void bulkDeleteAndLiveUpdates() {
        page.getByLabel("Select " + one("title = 'alpha'").get("id").asString()).check();
        page.getByLabel("Select " + one("title = 'beta'").get("id").asString()).check();
        button("Delete selected (2)").click();
        assertThat(rows()).hasCount(1);
        assertThat(list("").size()).isEqualTo(1);

        post("/api/collections/" + ITEMS + "/records", Map.of("title", "made elsewhere"), superuser());
        assertThat(rows().filter(new Locator.FilterOptions().setHasText("made elsewhere"))).hasCount(1);

        button("Edit collection").click();
        button("Truncate").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("All records deleted.")))
                .isVisible();
        assertThat(list("").size()).isZero();
    }

    private Locator rows() {
        return page.getByRole(AriaRole.TABLE).getByRole(AriaRole.ROW).filter(new Locator.FilterOptions()
                .setHasNot(page.getByRole(AriaRole.COLUMNHEADER)));
    }

    private Locator label(String name) {
        return page.getByRole(AriaRole.DIALOG).getByLabel(name, new Locator.GetByLabelOptions().setExact(true));
    }

    private JsonNode list(String filter) {
        return get("/api/collections/" + ITEMS + "/records?perPage=100&filter="
                + java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8), superuser()).json().get("items");
    }

    private JsonNode one(String filter) {
        JsonNode items = list(filter);
        assertThat(items.size()).as(filter).isEqualTo(1);
        return items.get(0);
    }
}
