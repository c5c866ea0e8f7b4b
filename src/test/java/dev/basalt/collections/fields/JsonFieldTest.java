package dev.basalt.collections.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.shared.ValidationErrors;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

/** The json field: values and texts as PocketBase stores them, Go's number printing, size and required checks. */
class JsonFieldTest {
    private final JsonField plain = new JsonField("j1", "meta", "json", false, false, false, false, 0);
    private final JsonField small = new JsonField("j1", "meta", "json", false, false, false, true, 10);

    private String stored(Object input) {
        Object value = plain.accept(input, null);
        return value == null ? null : ((JSONB) value).data();
    }

    @Test
    void storesValuesAndReadsTextAsPocketBase() {
        assertThat(stored(Map.of("a", 1.0))).isEqualTo("{\"a\":1}");
        assertThat(stored(List.of(1.5, "x"))).isEqualTo("[1.5,\"x\"]");
        assertThat(stored("{\"a\":[1,2]}")).as("JSON text is taken as JSON").isEqualTo("{\"a\":[1,2]}");
        assertThat(stored("12")).isEqualTo("12");
        assertThat(stored("true")).isEqualTo("true");
        assertThat(stored("hello")).as("other text is a JSON string").isEqualTo("\"hello\"");
        assertThat(stored("{broken")).isEqualTo("\"{broken\"");
        assertThat(stored("")).isEqualTo("\"\"");
        assertThat(stored(null)).isNull();
        assertThat(plain.zeroValue()).isNull();
    }

    @Test
    void checksRequiredAndSize() {
        assertThat(plain.check(null)).isNull();
        assertThat(small.check(null).code()).isEqualTo("validation_required");
        for (String empty : new String[] {"null", "\"\"", "[]", "{}"}) {
            assertThat(small.check(JSONB.valueOf(empty)).code()).as(empty).isEqualTo("validation_required");
        }
        assertThat(small.check(JSONB.valueOf("[1,2,3]"))).isNull();
        assertThat(small.check(JSONB.valueOf("\"more than ten bytes\"")).code())
                .isEqualTo("validation_json_size_limit");
    }

    @Test
    void printsTheStoredJson() {
        assertThat(plain.toJson(JSONB.valueOf("{\"a\":[1,\"x\"]}")).toString()).isEqualTo("{\"a\":[1,\"x\"]}");
        assertThat(plain.toJson(null)).as("an empty json field is null, never an error").isNull();
    }

    @Test
    void refusesANegativeMaxSize() {
        ValidationErrors errors = new ValidationErrors();
        new JsonField("j1", "meta", "json", false, false, false, false, -1).validateOptions("fields.0", errors);
        assertThat(errors.asMap()).containsOnlyKeys("fields.0.maxSize");
    }
}
