package dev.basalt.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The schema tools: export of chosen collections and import with a review of the changes (and the server's error),
 * an index edited as a form (columns, unique) next to its SQL, copying a collection's JSON and duplicating it.
 */
class SchemaToolsBrowserTest extends BrowserTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void collectionsAreExportedReviewedAndImported() {
        String name = "dash_exp_" + System.nanoTime();
        post("/api/collections", Map.of("name", name, "fields", List.of(Map.of("name", "title", "type", "text"))), superuser());
        post("/api/collections", Map.of("name", name + "_other", "fields", List.of()), superuser());
        signIn();
        navLink("Settings").click();
        navLink("Export collections").click();
        page.getByLabel("Select all").uncheck();
        page.getByLabel(name, new Page.GetByLabelOptions().setExact(true)).check();
        Locator exported = page.getByLabel("Exported JSON (1 collection(s))");
        ArrayNode list = (ArrayNode) JSON.readTree(exported.inputValue());
        assertThat(list.get(0).get("name").asString()).isEqualTo(name);

        ((ArrayNode) list.get(0).get("fields")).addObject().put("name", "body").put("type", "text");
        list.addObject().put("name", name + "_new").put("type", "base");
        navLink("Import collections").click();
        page.getByLabel("Collections JSON").fill("[{oops");
        button("Review changes").click();
        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Not valid JSON"))).isVisible();
        page.getByLabel("Collections JSON").fill(list.toString());
        page.getByLabel("Delete the collections and fields missing from the import").check();
        button("Review changes").click();
        assertThat(page.getByRole(AriaRole.MAIN).getByRole(AriaRole.STATUS)).containsText("1 new, 1 changed");
        assertThat(rowOf(name + "_new")).containsText("New");
        assertThat(rowOf(name + "_other")).containsText("Deleted"); // only reviewed: other tests' collections stay
        button("Back").click();
        page.getByLabel("Delete the collections and fields missing from the import").uncheck();
        button("Review changes").click();
        assertThat(rowOf(name)).containsText("field body added");
        screenshot("import-review");
        button("Confirm and import").click();
        assertThat(status("Collections imported.")).isVisible();
        JsonNode imported = get("/api/collections/" + name, superuser()).json();
        assertThat(imported.get("fields").toString()).contains("\"body\"");
        assertThat(get("/api/collections/" + name + "_new", superuser()).status()).isEqualTo(200);

        page.getByLabel("Collections JSON").fill("[{\"name\": \"" + name + "_bad\", \"fields\": [{\"name\": \"x\", \"type\": \"nope\"}]}]");
        button("Review changes").click();
        button("Confirm and import").click();
        assertThat(page.getByRole(AriaRole.MAIN).getByRole(AriaRole.ALERT)).containsText("import");
        assertThat(get("/api/collections/" + name + "_bad", superuser()).status()).isEqualTo(404);
    }

    @Test
    void anIndexIsEditedAsAFormAndTheCollectionCopiedAndDuplicated() {
        String name = "dash_dup_" + System.nanoTime();
        post("/api/collections", Map.of("name", name, "fields", List.of(Map.of("name", "title", "type", "text"),
                Map.of("name", "slug", "type", "text")), "indexes", List.of("CREATE INDEX idx_" + name + " ON " + name + " (title)")),
                superuser());
        page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
        signIn();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        button("Edit collection").click();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Indexes")).click();
        Locator first = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Index 1").setExact(true));
        first.getByLabel("Unique").check();
        first.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Index 1 columns")).getByLabel("slug").check();
        assertThat(page.getByLabel("Index 1 SQL")).hasValue(java.util.regex.Pattern.compile("^CREATE UNIQUE INDEX .*\\(`title`, `slug`\\)$"));
        button("New index").click();
        page.getByLabel("Index 2 SQL").fill("CREATE INDEX broken");
        page.getByLabel("Index 2 SQL").blur();
        screenshot("index-form");
        button("Save").click();
        assertThat(page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.ALERT).first()).containsText("indexes.1");
        button("Remove index 2").click();
        button("Save").click();
        assertThat(status("Collection saved.")).isVisible();
        JsonNode indexes = get("/api/collections/" + name, superuser()).json().get("indexes");
        assertThat(indexes).hasSize(1);
        assertThat(indexes.get(0).asString()).contains("UNIQUE").contains("slug");

        button("Edit collection").click();
        button("Copy JSON").click();
        assertThat(status("Collection JSON copied to the clipboard.")).isVisible();
        JsonNode copied = JSON.readTree((String) page.evaluate("navigator.clipboard.readText()"));
        assertThat(copied.get("name").asString()).isEqualTo(name);
        button("Duplicate").click();
        assertThat(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New collection"))).isVisible();
        assertThat(page.getByLabel("Name").first()).hasValue(name + "_duplicate");
        button("Create").click();
        assertThat(status("Collection created.")).isVisible();
        JsonNode copy = get("/api/collections/" + name + "_duplicate", superuser()).json();
        assertThat(copy.get("fields").toString()).contains("\"slug\"");
        assertThat(copy.at("/indexes/0").asString()).contains("UNIQUE").contains(name + "_duplicate");

        // An auth collection too: its system fields and indexes are copied without clashing.
        post("/api/collections", Map.of("name", name + "_auth", "type", "auth", "fields", List.of()), superuser());
        page.reload();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name + "_auth")).click();
        button("Edit collection").click();
        button("Duplicate").click();
        button("Create").click();
        assertThat(status("Collection created.")).isVisible();
        assertThat(get("/api/collections/" + name + "_auth_duplicate", superuser()).json().get("type").asString()).isEqualTo("auth");
    }

    private Locator rowOf(String collection) {
        return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Changes to import")).getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.CELL,
                        new Page.GetByRoleOptions().setName(collection).setExact(true))));
    }
}
