package dev.basalt.collections.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.query.ColumnKind;
import dev.basalt.shared.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file field: names as PocketBase casts them, counts, size limits, thumb sizes, and the + / - modifiers. */
class FileFieldTest {
    private final FileField single = new FileField("f1", "avatar", "file", false, false, false, false, 0, 1,
            List.of(), List.of(), false);
    private final FileField multiple = new FileField("f1", "docs", "file", false, false, false, true, 100, 2,
            List.of("application/pdf"), List.of("100x100"), true);

    @Test
    void castsNamesAndKnowsItsLimits() {
        assertThat(single.kind()).isEqualTo(ColumnKind.TEXT);
        assertThat(single.accept(List.of("a.png", "b.png"), null)).isEqualTo("b.png");
        assertThat(multiple.kind()).isEqualTo(ColumnKind.TEXT_ARRAY);
        assertThat((String[]) multiple.accept(List.of("a.pdf", "a.pdf"), null)).containsExactly("a.pdf");
        assertThat(single.sizeLimit()).isEqualTo(FileField.DEFAULT_MAX_SIZE);
        assertThat(multiple.sizeLimit()).isEqualTo(100);
        assertThat(FileField.names(new String[] {"x"})).containsExactly("x");
        assertThat(FileField.names("")).isEmpty();
    }

    @Test
    void checksRequiredAndCount() {
        assertThat(single.check("")).isNull();
        assertThat(multiple.check(new String[0]).code()).isEqualTo("validation_required");
        assertThat(multiple.check(new String[] {"a", "b", "c"}).code()).isEqualTo("validation_too_many_values");
        assertThat(multiple.check(new String[] {"a", "b"})).isNull();
    }

    @Test
    void modifiersWorkOnNames() {
        String[] current = {"a.pdf"};
        assertThat((String[]) multiple.modify(Modifier.APPEND, "b.pdf", current)).containsExactly("a.pdf", "b.pdf");
        assertThat((String[]) multiple.modify(Modifier.REMOVE, List.of("a.pdf"), current)).isEmpty();
        assertThat(single.modify(Modifier.PREPEND, "b.png", "a.png")).isEqualTo("a.png");
    }

    @Test
    void printsNamesAndChecksItsOptions() {
        assertThat(multiple.toJson(null)).isEqualTo(List.of());
        assertThat(single.toJson("a.png")).isEqualTo("a.png");
        ValidationErrors errors = new ValidationErrors();
        new FileField("f1", "x", "file", false, false, false, false, -1, -1, List.of(),
                List.of("0x0", "100", "9999x10"), false).validateOptions("fields.0", errors);
        assertThat(errors.asMap()).containsKeys("fields.0.maxSize", "fields.0.maxSelect", "fields.0.thumbs.0",
                "fields.0.thumbs.1", "fields.0.thumbs.2");
    }
}
