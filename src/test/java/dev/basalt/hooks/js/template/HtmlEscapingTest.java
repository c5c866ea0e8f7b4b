package dev.basalt.hooks.js.template;

import static dev.basalt.hooks.js.template.GoTemplatesTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** html/template's contextual escaping: each printed value is escaped for where it falls in the HTML. */
class HtmlEscapingTest {
    private static final String EVIL = "<script>alert('x' + \"y\")</script>&";

    @Test
    void textAndRcdata() {
        assertThat(render("<p>{{.}}</p>", EVIL))
                .isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39; &#43; &#34;y&#34;)&lt;/script&gt;&amp;</p>");
        assertThat(render("<title>{{.}}</title>", "<b>")).isEqualTo("<title>&lt;b&gt;</title>");
    }

    @Test
    void attributeValuesQuotedAndUnquoted() {
        assertThat(render("<input value=\"{{.}}\" title='{{.}}'>", "a\"b'c"))
                .isEqualTo("<input value=\"a&#34;b&#39;c\" title='a&#34;b&#39;c'>");
        assertThat(render("<input value={{.}}>", "a b=c")).isEqualTo("<input value=a&#32;b&#61;c>");
        assertThat(render("<p class=\"{{.}} x\">{{.}}</p>", "big")).isEqualTo("<p class=\"big x\">big</p>");
    }

    @Test
    void urlAttributes() {
        assertThat(render("<a href=\"{{.}}\">x</a>", "javascript:alert(1)")).isEqualTo("<a href=\"#ZgotmplZ\">x</a>");
        assertThat(render("<a href=\"{{.}}\">x</a>", "https://example.com/a b?q=1&r=2"))
                .isEqualTo("<a href=\"https://example.com/a%20b?q=1&amp;r=2\">x</a>");
        assertThat(render("<a href=\"/search?q={{.}}\">x</a>", "a&b c")).isEqualTo("<a href=\"/search?q=a%26b%20c\">x</a>");
        assertThat(render("<img src=\"/files/{{.}}\">", "a\"b.png")).isEqualTo("<img src=\"/files/a%22b.png\">");
    }

    @Test
    void scriptsStylesAndEventHandlers() {
        assertThat(render("<script>var user = {{.}};</script>", Map.of("name", "</script>")))
                .isEqualTo("<script>var user = {\"name\":\"\\u003c\\/script\\u003e\"};</script>");
        assertThat(render("<script>var s = \"{{.}}\";</script>", "a\"b")).isEqualTo("<script>var s = \"a\\u0022b\";</script>");
        assertThat(render("<script>var n = {{.}};</script>", 3)).isEqualTo("<script>var n =  3 ;</script>");
        assertThat(render("<button onclick=\"go({{.}})\">", "x")).isEqualTo("<button onclick=\"go(&#34;x&#34;)\">");
        assertThat(render("<p style=\"color: {{.}}\">", "red")).isEqualTo("<p style=\"color: red\">");
        assertThat(render("<p style=\"color: {{.}}\">", "red;background:url(x)")).isEqualTo("<p style=\"color: ZgotmplZ\">");
        assertThat(render("<p>{{.}}</p><script>x</script><p>{{.}}</p>", "<")).isEqualTo("<p>&lt;</p><script>x</script><p>&lt;</p>");
    }

    @Test
    void attributeNamesAndTrustedHtml() {
        assertThat(render("<p {{.}}>", "onclick")).isEqualTo("<p ZgotmplZ>");
        assertThat(render("<p {{.}}>", "hidden")).isEqualTo("<p hidden>");
        assertThat(render("<div>{{raw .}}</div>", "<em>ok</em>")).isEqualTo("<div><em>ok</em></div>");
        assertThat(render("{{range .}}<li>{{.}}</li>{{end}}", List.of("<a>", "b"))).isEqualTo("<li>&lt;a&gt;</li><li>b</li>");
    }
}
