package dev.basalt.collections.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basalt.shared.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The editor field keeps TinyMCE's formatting, links, images and tables and strips anything that runs. */
class EditorFieldTest {
    private final EditorField field = new EditorField("e1", "body", "editor", false, false, false, false, 0, false);

    private String accept(Object input) {
        return (String) field.accept(input, null);
    }

    @Test
    void keepsWhatTheEditorProduces() {
        String html = "<h2>Title</h2><p style=\"text-align: center\"><strong>bold</strong> <em>it</em> <u>u</u> "
                + "<s>s</s> <span style=\"color: #e03e2d\">red</span> x<sub>2</sub></p>"
                + "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>quote</p></blockquote>"
                + "<pre class=\"language-javascript\"><code>let a = 1;</code></pre>";
        String clean = accept(html);
        assertThat(clean).contains("<h2>Title</h2>", "<strong>bold</strong>", "<em>it</em>", "<u>u</u>", "<s>s</s>",
                "text-align:center", "color:#e03e2d", "<sub>2</sub>", "<ul><li>one</li></ul>", "<ol><li>two</li></ol>",
                "<blockquote><p>quote</p></blockquote>", "<pre class=\"language-javascript\"><code>");
    }

    @Test
    void keepsLinksImagesAndTables() {
        String clean = accept("<p><a href=\"https://example.com/a?b=1\" target=\"_blank\">link</a> "
                + "<a href=\"/api/files/x/y/z.png\">relative</a> <a href=\"mailto:a@b.io\">mail</a></p>"
                + "<p><img src=\"https://example.com/i.png\" alt=\"pic\" width=\"300\" height=\"200\"></p>"
                + "<table border=\"1\"><thead><tr><th scope=\"col\">h</th></tr></thead>"
                + "<tbody><tr><td colspan=\"2\" style=\"width: 50%\">c</td></tr></tbody></table>");
        assertThat(clean).contains("href=\"https://example.com/a?b&#61;1\"", "target=\"_blank\"",
                "rel=\"noopener noreferrer\"", "href=\"/api/files/x/y/z.png\"", "href=\"mailto:a&#64;b.io\"",
                "<img src=\"https://example.com/i.png\" alt=\"pic\" width=\"300\" height=\"200\" />",
                "<table border=\"1\">", "<th scope=\"col\">h</th>", "<td colspan=\"2\" style=\"width:50%\">c</td>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=\"alert(1)\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg onload=alert(1)>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<form action=\"https://evil.example\"><input name=a></form>",
        "<style>body{display:none}</style>",
        "<img src=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
        "<div onclick=\"alert(1)\">x</div>",
    })
    void stripsAnythingThatRuns(String html) {
        String clean = accept(html).toLowerCase();
        assertThat(clean).doesNotContain("<script", "onerror", "onload", "onclick", "javascript", "<iframe", "<svg",
                "<form", "<input", "<style", "data:", "url(");
    }

    @Test
    void plainTextIsEscapedAndEmptyStaysEmpty() {
        assertThat(accept("1 < 2 & 3")).isEqualTo("1 &lt; 2 &amp; 3");
        assertThat(accept("")).isEmpty();
        assertThat(accept(null)).isEmpty();
        assertThat(accept(List.of("<b>x</b>"))).as("a list is no text, as PocketBase's cast").isEmpty();
    }

    @Test
    void sanitisingTwiceChangesNothing() {
        String once = accept("<p><a href=\"https://e.io/?a=1&b=2\">x</a> \"q\" it's <b>b</b></p>");
        assertThat(accept(once)).isEqualTo(once);
    }

    @Test
    void checksSizeAndRequired() {
        EditorField small = new EditorField("e1", "body", "editor", false, false, false, true, 10, false);
        assertThatThrownBy(() -> small.accept("<p>12345678</p>", null))
                .isInstanceOfSatisfying(FieldValueException.class,
                        e -> assertThat(e.error().code()).isEqualTo("validation_content_size_limit"));
        assertThat(small.accept("<b>é</b>", null)).isEqualTo("<b>é</b>");
        assertThat(small.check("").code()).isEqualTo("validation_required");
        assertThat(small.check("<p>x</p>")).isNull();
        assertThat(field.check("")).isNull();
        assertThat(field.sizeLimit()).isEqualTo(EditorField.DEFAULT_MAX_SIZE);
    }

    @Test
    void validatesOptions() {
        ValidationErrors errors = new ValidationErrors();
        new EditorField("e1", "body", "editor", false, false, false, false, -1, true).validateOptions("fields.0", errors);
        assertThat(errors.isEmpty()).isFalse();
        ValidationErrors none = new ValidationErrors();
        field.validateOptions("fields.0", none);
        assertThat(none.isEmpty()).isTrue();
    }
}
