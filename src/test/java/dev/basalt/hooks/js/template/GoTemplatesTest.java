package dev.basalt.hooks.js.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template language of Go's text/template as hook templates use it, with Go's outputs. */
class GoTemplatesTest {
    private static final Map<String, Object> DATA = data();

    private static Map<String, Object> data() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", "Ada");
        d.put("user", Map.of("name", "Bob", "address", Map.of("city", "Oslo")));
        d.put("items", List.of("a", "b", "c"));
        d.put("empty", List.of());
        d.put("count", 3);
        d.put("price", 2.5);
        d.put("zero", 0);
        d.put("yes", true);
        d.put("no", false);
        d.put("blank", "");
        d.put("nothing", null);
        d.put("scores", Map.of("b", 2, "a", 1));
        return d;
    }

    static String render(String template, Object data) {
        return GoTemplates.parse(template).render(data);
    }

    static String render(String template) {
        return render(template, DATA);
    }

    @Test
    void fieldsDotAndMissingKeys() {
        assertThat(render("Hi {{.name}}, {{.user.name}} of {{.user.address.city}}")).isEqualTo("Hi Ada, Bob of Oslo");
        assertThat(render("[{{.}}]", "plain")).isEqualTo("[plain]");
        assertThat(render("[{{.missing}}][{{.nothing}}]")).as("nil prints nothing in html/template").isEqualTo("[][]");
        assertThat(render("{{.count}} {{.price}} {{.yes}} {{.items}} {{.scores}}"))
                .isEqualTo("3 2.5 true [a b c] map[a:1 b:2]");
        assertThatThrownBy(() -> render("x\n{{.missing.deeper}}")).isInstanceOf(TemplateException.class)
                .hasMessage("template: :2: executing \"\": nil pointer evaluating interface {}.deeper");
    }

    @Test
    void variablesDeclaredAssignedAndDollar() {
        assertThat(render("{{$x := .name}}{{$x}}-{{$x = \"Eve\"}}{{$x}}")).isEqualTo("Ada-Eve");
        assertThat(render("{{with .user}}{{.name}} {{$.name}}{{end}}")).isEqualTo("Bob Ada");
        assertThat(render("{{$u := .user}}{{$u.address.city}}")).isEqualTo("Oslo");
        assertThatThrownBy(() -> render("{{$nope}}")).hasMessage("template: :1: undefined variable \"$nope\"");
    }

    @Test
    void ifElseIfElseWithGoTruth() {
        String t = "{{if .a}}A{{else if .b}}B{{else}}C{{end}}";
        assertThat(render(t, Map.of("a", 1, "b", 1))).isEqualTo("A");
        assertThat(render(t, Map.of("a", 0, "b", "x"))).isEqualTo("B");
        assertThat(render(t, Map.of("a", List.of(), "b", ""))).isEqualTo("C");
        assertThat(render(t, Map.of("a", Map.of(), "b", false))).isEqualTo("C");
        assertThat(render("{{if .nothing}}x{{else}}y{{end}}{{if .price}}p{{end}}")).isEqualTo("yp");
    }

    @Test
    void rangeOverListsMapsAndNumbersWithElseBreakContinue() {
        assertThat(render("{{range .items}}<{{.}}>{{end}}")).isEqualTo("<a><b><c>");
        assertThat(render("{{range $i, $v := .items}}{{$i}}={{$v}};{{end}}")).isEqualTo("0=a;1=b;2=c;");
        assertThat(render("{{range $v := .items}}{{$v}}{{end}}")).isEqualTo("abc");
        assertThat(render("{{range $k, $v := .scores}}{{$k}}:{{$v}} {{end}}")).as("keys sorted").isEqualTo("a:1 b:2 ");
        assertThat(render("{{range .empty}}x{{else}}none{{end}}")).isEqualTo("none");
        assertThat(render("{{range .items}}{{if eq . \"b\"}}{{continue}}{{end}}{{if eq . \"c\"}}{{break}}{{end}}{{.}}{{end}}"))
                .isEqualTo("a");
        assertThat(render("{{range 3}}{{.}}{{end}}")).isEqualTo("012");
        assertThat(render("{{range 0}}x{{else}}zero{{end}} {{range .missing}}x{{else}}nil{{end}}")).isEqualTo("zero nil");
        assertThat(render("{{range $i := 1000000000000}}{{if eq $i 2}}{{break}}{{end}}{{$i}}{{end}}"))
                .as("a large count is not materialised").isEqualTo("01");
        assertThat(render("{{range .items}}{{$.name}}{{end}}")).isEqualTo("AdaAdaAda");
    }

    @Test
    void withAndElseWith() {
        assertThat(render("{{with .user.address}}{{.city}}{{end}}")).isEqualTo("Oslo");
        assertThat(render("{{with .blank}}x{{else with .name}}{{.}}{{else}}none{{end}}")).isEqualTo("Ada");
        assertThat(render("{{with $c := .count}}{{$c}}{{end}}")).isEqualTo("3");
    }

    @Test
    void defineTemplateAndBlock() {
        assertThat(render("{{define \"T\"}}<b>{{.}}</b>{{end}}{{template \"T\" .name}}|{{template \"T\"}}"))
                .isEqualTo("<b>Ada</b>|<b></b>");
        GoTemplates layout = GoTemplates.parse(List.of(
                new GoTemplates.Source("layout.html", "<title>{{block \"title\" .}}Default{{end}}</title>"
                        + "<main>{{template \"content\" .}}</main>"),
                new GoTemplates.Source("page.html", "{{define \"title\"}}Page of {{.name}}{{end}}\n"
                        + "{{define \"content\"}}<p>{{.name}}</p>{{end}}\n")));
        assertThat(layout.render(DATA)).isEqualTo("<title>Page of Ada</title><main><p>Ada</p></main>");
        assertThatThrownBy(() -> render("a\n{{template \"nope\" .}}"))
                .hasMessage("template: :2: no such template \"nope\"");
    }

    @Test
    void commentsAndTrimMarkers() {
        assertThat(render("a {{/* a comment */}} b")).isEqualTo("a  b");
        assertThat(render("a  {{- /* trimmed */ -}}  b")).isEqualTo("ab");
        assertThat(render("<ul>\n  {{- range .items}}\n  <li>{{.}}</li>\n  {{- end}}\n</ul>"))
                .isEqualTo("<ul>\n  <li>a</li>\n  <li>b</li>\n  <li>c</li>\n</ul>");
        assertThat(render("{{23 -}} < {{- 45}}")).as("Go's own example").isEqualTo("23<45");
        assertThat(render("x<!-- html comment -->y")).as("html/template drops comments").isEqualTo("xy");
    }

    @Test
    void pipesAndParentheses() {
        assertThat(render("{{.name | printf \"%s!\"}}")).isEqualTo("Ada!");
        assertThat(render("{{.items | len | printf \"%03d\"}}")).isEqualTo("003");
        assertThat(render("{{(index .items 1) | print}}")).isEqualTo("b");
        assertThat(render("{{(index .user \"address\").city}}")).isEqualTo("Oslo");
        assertThatThrownBy(() -> render("{{.name | .user}}")).hasMessageContaining("can't give argument to non-function");
    }

    @Test
    void literals() {
        assertThat(render("{{\"q\\\"s\"}} {{`raw\\n`}} {{'a'}} {{42}} {{-7}} {{1.5}} {{0x1F}} {{true}} {{1e3}}"))
                .isEqualTo("q&#34;s raw\\n 97 42 -7 1.5 31 true 1000");
    }

    @Test
    void comparisonAndLogicFunctions() {
        assertThat(render("{{eq .name \"Ada\"}} {{eq .count 1 2 3}} {{ne .count 3}} {{lt 1 2}} {{le 2 2}} {{gt \"b\" \"a\"}} {{ge 1.5 2}}"))
                .isEqualTo("true true false true true true false");
        assertThat(render("{{and 1 0 2}} {{and 1 2}} {{or 0 \"\" \"x\"}} {{or 0 \"\"}} {{not .blank}}"))
                .isEqualTo("0 2 x  true");
        assertThat(render("{{if and .yes (not .no)}}ok{{end}}")).isEqualTo("ok");
        assertThat(render("{{or .name .missing.deeper}}")).as("and/or stop at the first deciding value").isEqualTo("Ada");
        assertThatThrownBy(() -> render("{{eq .name 1}}")).hasMessageContaining("error calling eq: incompatible types");
    }

    @Test
    void lenIndexSlice() {
        assertThat(render("{{len .items}} {{len .name}} {{len \"é\"}} {{len .scores}}")).isEqualTo("3 3 2 2");
        assertThat(render("{{index .items 2}} {{index .scores \"b\"}} {{index .user \"address\" \"city\"}}"))
                .isEqualTo("c 2 Oslo");
        assertThat(render("{{slice .items 1}} {{slice .items 1 2}} {{slice .name 0 2}}")).isEqualTo("[b c] [b] Ad");
        assertThatThrownBy(() -> render("{{index .items 5}}")).hasMessageContaining("index out of range: 5");
    }

    @Test
    void printFunctions() {
        assertThat(render("{{print 1 2 \"a\" 3}}|{{println .name 3}}|")).isEqualTo("1 2a3|Ada 3\n|");
        assertThat(render("{{printf \"%d %5.2f %-4s| %q %v %t %x %%\" 7 .price \"ab\" \"q\" .items true 255}}"))
                .isEqualTo("7  2.50 ab  | &#34;q&#34; [a b c] true ff %");
        assertThat(render("{{printf \"%.2f\" .count}}")).as("Go refuses an int for %f")
                .isEqualTo("%!f(int64=3)");
        assertThat(render("{{printf \"%s %s\" .name}}")).isEqualTo("Ada %!s(MISSING)");
        assertThat(render("{{printf \"%v %v\" 1234567.5 0.00001}}")).as("+ is escaped in HTML text, as html/template does").isEqualTo("1.2345675e&#43;06 1e-05");
    }

    @Test
    void escapingFunctions() {
        assertThat(render("{{html \"<a href='x'>\"}}")).as("not escaped twice").isEqualTo("&lt;a href=&#39;x&#39;&gt;");
        assertThat(render("{{js \"it's <b>\"}}")).isEqualTo("it\\&#39;s \\u003Cb\\u003E");
        assertThat(render("{{urlquery \"a b&c=d\"}}")).isEqualTo("a&#43;b%26c%3Dd");
        assertThat(render("{{raw \"<b>bold</b>\"}}")).as("PocketBase's raw").isEqualTo("<b>bold</b>");
    }

    @Test
    void unknownFunctionsAndSyntaxErrorsNameTheTemplateAndLine() {
        assertThatThrownBy(() -> GoTemplates.parse(List.of(new GoTemplates.Source("page.html", "a\nb {{upper .x}}"))))
                .hasMessage("template: page.html:2: function \"upper\" not defined");
        assertThatThrownBy(() -> render("{{if .x}}open")).hasMessage("template: :1: unexpected EOF");
        assertThatThrownBy(() -> render("{{end}}")).hasMessage("template: :1: unexpected {{end}}");
    }
}
