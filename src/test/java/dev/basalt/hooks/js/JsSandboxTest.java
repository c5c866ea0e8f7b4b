package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basalt.hooks.Hooks;
import dev.basalt.hooks.RequestEvent;
import dev.basalt.hooks.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Loading hook files without a server: a broken file is one line naming the file and position; hook code reaches no
 * host class and none of the API's host objects; handlers do not see the variables of the file that registered them
 * (as PocketBase's); handlers run again after a reload with the new code.
 */
class JsSandboxTest {
    @TempDir
    Path root;

    private JsHooks load(Hooks hooks, String name, String code) throws IOException {
        Path dir = Files.createDirectories(root.resolve("basalt_hooks"));
        Files.writeString(dir.resolve(name), code);
        return new JsHooks(hooks, null, null, null, null, null, dir.toString(), false,
                JsPool.DEFAULT_MAX_CONTEXTS);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(Hooks hooks, String path) {
        Route route = hooks.routes().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
        RequestEvent event = new RequestEvent(new MockHttpServletRequest("GET", path), Map.of());
        route.handler().handle(event);
        return (Map<String, Object>) event.response().getBody();
    }

    @Test
    void aSyntaxErrorIsOneLineWithFileAndPosition() {
        assertThatThrownBy(() -> load(new Hooks(null), "broken.pb.js", "routerAdd('GET', '/a', (e) => {\n  e.json(200, {)\n});\n"))
                .isInstanceOf(HookFileException.class)
                .hasMessageStartingWith("JS hook basalt_hooks/broken.pb.js:2:")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aFailingStatementNamesItsLine() {
        assertThatThrownBy(() -> load(new Hooks(null), "main.pb.js", "// ok\nonRecordCreate(42);\n"))
                .isInstanceOf(HookFileException.class)
                .hasMessageStartingWith("JS hook basalt_hooks/main.pb.js:2:")
                .hasMessageContaining("must be a function");
    }

    @Test
    void noHostClassesAndNoBridgeObjects() throws IOException {
        assertThatThrownBy(() -> load(new Hooks(null), "escape.pb.js", "Java.type('java.lang.System').exit(3);\n"))
                .isInstanceOf(HookFileException.class)
                .hasMessageStartingWith("JS hook basalt_hooks/escape.pb.js:1:");
        Files.delete(root.resolve("basalt_hooks/escape.pb.js"));
        Hooks hooks = new Hooks(null);
        JsHooks js = load(hooks, "probe.pb.js", """
                routerAdd("GET", "/probe", (e) => e.json(200, {
                    app: typeof __app, util: typeof __util, reg: typeof __reg,
                    polyglot: typeof Polyglot === "undefined" ? "none" : typeof Polyglot.eval,
                    record: typeof $app.findRecordById, java: (() => { try { Java.type("java.io.File"); return "reachable"; } catch (err) { return "refused"; } })()
                }));
                """);
        try {
            Map<String, Object> probe = call(hooks, "/probe");
            assertThat(probe.get("app")).isEqualTo("undefined");
            assertThat(probe.get("util")).isEqualTo("undefined");
            assertThat(probe.get("reg")).isEqualTo("undefined");
            assertThat(probe.get("record")).isEqualTo("function");
            assertThat(probe.get("java")).isEqualTo("refused");
        } finally {
            js.destroy();
        }
    }

    @Test
    void handlersCannotCaptureOuterVariablesAndReloadPicksUpChanges() throws IOException {
        Hooks hooks = new Hooks(null);
        JsHooks js = load(hooks, "vars.pb.js", """
                const secret = 42;
                routerAdd("GET", "/vars", (e) => e.json(200, { secret: typeof secret, version: 1 }));
                """);
        try {
            assertThat(call(hooks, "/vars")).containsEntry("secret", "undefined").containsEntry("version", 1);
            Files.writeString(root.resolve("basalt_hooks/vars.pb.js"),
                    "routerAdd('GET', '/vars', (e) => e.json(200, { version: 2 }));\n");
            js.reload();
            assertThat(call(hooks, "/vars")).containsEntry("version", 2);
            assertThat(hooks.routes()).hasSize(1);
        } finally {
            js.destroy();
        }
    }
}
