package dev.basalt.collections.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.query.ColumnKind;
import dev.basalt.shared.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The select field: single and multiple, PocketBase's list casts, allowed values, and its options. */
class SelectFieldTest {
    private static final List<String> VALUES = List.of("a", "b", "c");
    private final SelectField single = new SelectField("s1", "tag", "select", false, false, false, false, VALUES, 1);
    private final SelectField multiple = new SelectField("s1", "tags", "select", false, false, false, true, VALUES, 2);

    @Test
    void aSingleSelectKeepsTheLastValue() {
        assertThat(single.kind()).isEqualTo(ColumnKind.TEXT);
        assertThat(single.accept("a", null)).isEqualTo("a");
        assertThat(single.accept(List.of("a", "b"), null)).isEqualTo("b");
        assertThat(single.accept(null, null)).isEqualTo("");
        assertThat(single.toJson(null)).isEqualTo("");
    }

    @Test
    void aMultipleSelectKeepsUniqueValuesInOrder() {
        assertThat(multiple.kind()).isEqualTo(ColumnKind.TEXT_ARRAY);
        assertThat((String[]) multiple.accept(List.of("b", "a", "b"), null)).containsExactly("b", "a");
        assertThat((String[]) multiple.accept("c", null)).containsExactly("c");
        assertThat(multiple.toJson(new String[] {"a"})).isEqualTo(List.of("a"));
        assertThat(multiple.toJson(null)).isEqualTo(List.of());
    }

    @Test
    void checksRequiredCountAndAllowedValues() {
        assertThat(single.check("")).isNull();
        assertThat(single.check("z").code()).isEqualTo("validation_invalid_value");
        assertThat(multiple.check(new String[0]).code()).isEqualTo("validation_required");
        assertThat(multiple.check(new String[] {"a", "b", "c"}).code()).isEqualTo("validation_too_many_values");
        assertThat(multiple.check(new String[] {"a", "c"})).isNull();
    }

    @Test
    void checksItsOptions() {
        ValidationErrors errors = new ValidationErrors();
        new SelectField("s1", "tags", "select", false, false, false, false, List.of("a", "a"), 2)
                .validateOptions("fields.0", errors);
        assertThat(errors.asMap()).containsKey("fields.0.values");
        ValidationErrors none = new ValidationErrors();
        multiple.validateOptions("fields.0", none);
        assertThat(none.isEmpty()).isTrue();
    }

    @Test
    void modifiersAddAndRemoveValues() {
        assertThat((String[]) multiple.modify(Modifier.APPEND, "c", new String[] {"a"})).containsExactly("a", "c");
        assertThat((String[]) multiple.modify(Modifier.PREPEND, "c", new String[] {"a"})).containsExactly("c", "a");
        assertThat((String[]) multiple.modify(Modifier.REMOVE, List.of("a"), new String[] {"a", "b"}))
                .containsExactly("b");
        assertThat(single.modify(Modifier.APPEND, "b", "a")).isEqualTo("b");
    }
}
