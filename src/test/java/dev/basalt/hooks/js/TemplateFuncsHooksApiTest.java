package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code $template.addFuncs} of {@code gaps.pb.js} against a running server: added functions called as commands, in
 * a pipeline and in an attribute (their results escaped there), and a function's JS error as the render's error.
 */
class TemplateFuncsHooksApiTest extends GapHooksTest {
    @Test
    void addedFunctionsRunInTemplates() {
        Response r = get("/gap/tpl/a&b", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.get("html").asString()).isEqualTo("<p title=\"A&amp;B\">A&amp;B 3</p>");
        assertThat(r.get("failure").asString()).contains("error calling fail").contains("nope");
    }
}
