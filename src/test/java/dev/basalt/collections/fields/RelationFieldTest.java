package dev.basalt.collections.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.query.ColumnKind;
import dev.basalt.shared.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The relation field: single and multiple ids, PocketBase's list casts, counts, and the + / - modifiers. */
class RelationFieldTest {
    private final RelationField single = new RelationField("r1", "author", "relation", false, false, false, false,
            "users_id", false, 0, 1);
    private final RelationField multiple = new RelationField("r1", "tags", "relation", false, false, false, true,
            "tags_id", false, 2, 3);

    @Test
    void castsIdsAsPocketBase() {
        assertThat(single.kind()).isEqualTo(ColumnKind.TEXT);
        assertThat(single.accept(List.of("a", "b"), null)).isEqualTo("b");
        assertThat(single.accept("", null)).isEqualTo("");
        assertThat(multiple.kind()).isEqualTo(ColumnKind.TEXT_ARRAY);
        assertThat((String[]) multiple.accept(List.of("a", "b", "a", ""), null)).containsExactly("a", "b");
        assertThat((String[]) multiple.accept("[\"x\",\"y\"]", null)).containsExactly("x", "y");
    }

    @Test
    void checksRequiredAndCounts() {
        assertThat(single.check("")).isNull();
        assertThat(multiple.check(new String[0]).code()).isEqualTo("validation_required");
        assertThat(multiple.check(new String[] {"a"}).code()).isEqualTo("validation_not_enough_values");
        assertThat(multiple.check(new String[] {"a", "b", "c", "d"}).code()).isEqualTo("validation_too_many_values");
        assertThat(multiple.check(new String[] {"a", "b"})).isNull();
    }

    @Test
    void modifiersAppendPrependAndRemoveUniqueIds() {
        String[] current = {"a", "b"};
        assertThat((String[]) multiple.modify(Modifier.APPEND, List.of("c", "a"), current))
                .containsExactly("a", "b", "c");
        assertThat((String[]) multiple.modify(Modifier.PREPEND, "c", current)).containsExactly("c", "a", "b");
        assertThat((String[]) multiple.modify(Modifier.REMOVE, "a", current)).containsExactly("b");
        assertThat((String[]) multiple.modify(Modifier.APPEND, "x", null)).containsExactly("x");
        // a single relation keeps the last id
        assertThat(single.modify(Modifier.APPEND, "b", "a")).isEqualTo("b");
        assertThat(single.modify(Modifier.REMOVE, "a", "a")).isEqualTo("");
    }

    @Test
    void printsIdsAndChecksItsOptions() {
        assertThat(multiple.toJson(new String[] {"a"})).isEqualTo(List.of("a"));
        assertThat(multiple.toJson(null)).isEqualTo(List.of());
        assertThat(single.toJson(null)).isEqualTo("");
        ValidationErrors errors = new ValidationErrors();
        new RelationField("r1", "x", "relation", false, false, false, false, "", false, -1, 1)
                .validateOptions("fields.0", errors);
        assertThat(errors.asMap()).containsKeys("fields.0.collectionId", "fields.0.minSelect");
    }
}
