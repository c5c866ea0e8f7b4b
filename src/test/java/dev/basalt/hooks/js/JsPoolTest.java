package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.hooks.Hooks;
import dev.basalt.hooks.RequestEvent;
import dev.basalt.hooks.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The pool and the module loader without a server: more handlers than the old fixed pool of 8 can hold a context
 * across {@code e.next()} at once (none waits for another); {@code require()} loads CommonJS modules of the hooks
 * directory once per context, relative to the requiring module, and nothing outside the directory.
 */
class JsPoolTest {
    /** More than the 8 contexts the pool used to be limited to. */
    private static final int CONCURRENT = 12;
    @TempDir
    Path root;

    private JsHooks load(Hooks hooks, Map<String, String> files) throws IOException {
        Path dir = Files.createDirectories(root.resolve("basalt_hooks"));
        for (var f : files.entrySet()) {
            Files.createDirectories(dir.resolve(f.getKey()).getParent());
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        return new JsHooks(hooks, null, null, null, null, null, dir.toString(), false,
                JsPool.DEFAULT_MAX_CONTEXTS);
    }

    /** Runs a route as RouteMapping does: the routerUse middlewares, then the route's handler. */
    private static RequestEvent call(Hooks hooks, String path) {
        Route route = hooks.routes().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
        RequestEvent event = new RequestEvent(new MockHttpServletRequest("GET", path), Map.of());
        hooks.routerUse().trigger(event, e -> route.handler().handle(e));
        return event;
    }

    @Test
    void handlersHoldingAContextAcrossNextDoNotWaitForEachOther() throws Exception {
        Hooks hooks = new Hooks(null);
        JsHooks js = load(hooks, Map.of("mw.pb.js", "routerUse((e) => { e.next(); });\n"));
        CountDownLatch all = new CountDownLatch(CONCURRENT);
        // a Java route inside the JS middleware's e.next(): it returns only once every request is inside it
        hooks.routerAdd(new Route("GET", "/held", e -> {
            all.countDown();
            try {
                e.json(200, Map.of("all", all.await(30, TimeUnit.SECONDS)));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, List.of()));
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<RequestEvent>> calls = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                calls.add(threads.submit(() -> call(hooks, "/held")));
            }
            for (Future<RequestEvent> f : calls) {
                assertThat(f.get(60, TimeUnit.SECONDS).response().getBody()).isEqualTo(Map.of("all", true));
            }
        } finally {
            threads.shutdownNow();
            js.destroy();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void requireLoadsModulesOfTheHooksDirectoryOnce() throws IOException {
        Hooks hooks = new Hooks(null);
        JsHooks js = load(hooks, Map.of(
                "lib/utils.js", """
                        const fmt = require('./fmt.js');
                        globalThis.loads = (globalThis.loads || 0) + 1;
                        module.exports = { greet: (name) => fmt.upper('hello ' + name), file: __filename };
                        """,
                "lib/fmt.js", "exports.upper = (s) => s.toUpperCase();\n",
                "main.pb.js", """
                        routerAdd("GET", "/greet", (e) => {
                            const utils = require(`${__hooks}/lib/utils.js`);
                            const again = require(__hooks + '/lib/utils');
                            let outside = 'loaded';
                            try { require('../secret.js'); } catch (err) { outside = 'refused'; }
                            let missing = 'loaded';
                            try { require('./nope.js'); } catch (err) { missing = 'refused'; }
                            e.json(200, { text: utils.greet('bob'), same: utils === again, loads: globalThis.loads,
                                file: utils.file.endsWith('/lib/utils.js'), outside, missing });
                        });
                        """));
        Files.writeString(root.resolve("secret.js"), "module.exports = 'secret';\n");
        try {
            Map<String, Object> body = (Map<String, Object>) call(hooks, "/greet").response().getBody();
            assertThat(body).containsEntry("text", "HELLO BOB").containsEntry("same", true)
                    .containsEntry("file", true).containsEntry("outside", "refused")
                    .containsEntry("missing", "refused");
            assertThat(((Number) body.get("loads")).intValue()).isEqualTo(1);
        } finally {
            js.destroy();
        }
    }
}
