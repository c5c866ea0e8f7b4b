package dev.basalt.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basalt.collections.fields.AutodateField;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.NumberField;
import dev.basalt.collections.fields.SelectField;
import dev.basalt.collections.fields.TextField;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CollectionJsonTest {
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 123_000_000, ZoneOffset.UTC);

    @Test
    void collectionHasPocketBaseKeysAndDateFormat() {
        Collection c = new Collection("pbc_1", "posts", "base", false,
                List.of(TextField.idField(), new NumberField("number1", "n", "number", false, false, false, true,
                        1d, null, true), AutodateField.created()),
                List.of("CREATE INDEX `i` ON `posts` (`n`)"), "", null, "@request.auth.id != ''", null, null,
                CREATED, CREATED.withOffsetSameInstant(ZoneOffset.ofHours(2)));

        Map<String, Object> json = CollectionJson.toJson(c);

        assertThat(json).containsOnlyKeys("id", "name", "type", "system", "fields", "indexes", "listRule",
                "viewRule", "createRule", "updateRule", "deleteRule", "created", "updated");
        assertThat(json).containsEntry("id", "pbc_1").containsEntry("type", "base").containsEntry("system", false)
                .containsEntry("listRule", "").containsEntry("viewRule", null)
                .containsEntry("createRule", "@request.auth.id != ''")
                .containsEntry("created", "2024-05-06 07:08:09.123Z")
                .containsEntry("updated", "2024-05-06 07:08:09.123Z");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) json.get("fields");
        assertThat(fields.get(0)).containsOnlyKeys("id", "name", "type", "system", "hidden", "presentable",
                "required", "min", "max", "pattern", "autogeneratePattern", "primaryKey");
        assertThat(fields.get(0)).containsEntry("id", "text3208210256").containsEntry("primaryKey", true)
                .containsEntry("autogeneratePattern", "[a-z0-9]{15}");
        assertThat(fields.get(1)).containsEntry("type", "number").containsEntry("onlyInt", true)
                .containsEntry("min", 1.0).containsEntry("max", null).containsEntry("required", true);
        assertThat(fields.get(2)).containsOnlyKeys("id", "name", "type", "system", "hidden", "presentable",
                "onCreate", "onUpdate");
        assertThat(JsonMapper.builder().build().writeValueAsString(json)).contains("\"indexes\":[\"CREATE INDEX");
    }

    @Test
    void fieldsParseFromTheirJsonAndBack() {
        Field f = CollectionJson.parseField(Map.of("type", "select", "name", "tags", "values", List.of("a", "b"),
                "maxSelect", 2, "required", true, "unknownOption", 1));
        assertThat(f).isEqualTo(new SelectField(null, "tags", "select", false, false, false, true,
                List.of("a", "b"), 2));
        assertThat(CollectionJson.fieldToJson(f.withId("select1"))).containsEntry("values", List.of("a", "b"))
                .containsEntry("maxSelect", 2).containsEntry("id", "select1");
        Map<String, Object> withNulls = new java.util.HashMap<>(Map.of("type", "text", "name", "t"));
        withNulls.put("max", null);
        withNulls.put("required", null);
        Field nulls = CollectionJson.parseField(withNulls);
        assertThat(((TextField) nulls).max()).isZero();
        assertThat(((TextField) nulls).required()).isFalse();

        assertThatThrownBy(() -> CollectionJson.parseField(Map.of("type", "vector", "name", "r")))
                .hasMessage("Unknown or unsupported field type \"vector\".");
        assertThatThrownBy(() -> CollectionJson.parseField(Map.of("name", "r")))
                .hasMessage("Missing field type.");
        assertThatThrownBy(() -> CollectionJson.parseField(Map.of("type", "text", "name", "t", "max", "lots")))
                .hasMessage("Invalid field options.");
    }
}
