package dev.basalt.hooks.js;

import dev.basalt.hooks.HookHandler;
import dev.basalt.hooks.Hooks;
import dev.basalt.hooks.Middlewares;
import dev.basalt.hooks.RequestEvent;
import dev.basalt.hooks.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/**
 * The registration functions of hook files ({@code onRecordCreate(...)}, {@code routerAdd(...)}, {@code cronAdd(...)}):
 * each handler is kept as its source text (padded to its line in the file, so errors name the right line) and bound
 * to {@link Hooks} as a Java handler that runs it in the pool. Remembers what it bound, to unbind it on a reload.
 */
public final class JsRegistrar {
    private final Hooks hooks;
    private final JsEvents events;
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<Runnable> unbind = new ArrayList<>();
    private JsPool pool;
    private String file = "";

    JsRegistrar(Hooks hooks, JsEvents events) {
        this.hooks = hooks;
        this.events = events;
    }

    /** The pool handlers run in, and the file being loaded (named in handlers' errors). */
    void loading(JsPool value, String fileName) {
        this.pool = value;
        this.file = fileName;
    }

    /** Unbinds everything bound so far (before a reload). */
    synchronized void unbindAll() {
        unbind.forEach(Runnable::run);
        unbind.clear();
    }

    @HostAccess.Export
    public synchronized void register(String name, Value handler, String tagsJson) {
        JsPool.Handler h = handler(handler);
        Set<String> tags = Set.copyOf(JsJson.read(tagsJson) instanceof List<?> l
                ? l.stream().map(String::valueOf).toList() : List.of());
        JsPool p = pool;
        events.bind(name, tags, id(), h, p, (hook, id) -> unbind.add(() -> hook.unbind(id)));
    }

    @HostAccess.Export
    public synchronized void route(String method, String path, Value handler, Value middlewares) {
        JsPool.Handler h = handler(handler);
        JsPool p = pool;
        hooks.routerAdd(new Route(method, path, e -> p.run(h, events.request("route", e)), middlewares(middlewares)));
        unbind.add(() -> hooks.routerRemove(method, path));
    }

    @HostAccess.Export
    public synchronized void routerUse(Value middlewares) {
        for (HookHandler<RequestEvent> m : middlewares(middlewares)) {
            String id = id();
            hooks.routerUse().bind(id, 0, Set.of(), m);
            unbind.add(() -> hooks.routerUse().unbind(id));
        }
    }

    @HostAccess.Export
    public synchronized void cronAdd(String id, String expression, Value handler) {
        JsPool.Handler h = handler(handler);
        JsPool p = pool;
        try {
            hooks.cronAdd(id, expression, () -> p.run(h, null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cronAdd(\"" + id + "\"): " + e.getMessage(), e);
        }
        unbind.add(() -> hooks.cronRemove(id));
    }

    @HostAccess.Export
    public void cronRemove(String id) {
        hooks.cronRemove(id);
    }

    private String id() {
        return "js:" + file + ":" + sequence.incrementAndGet();
    }

    private List<HookHandler<RequestEvent>> middlewares(Value list) {
        List<HookHandler<RequestEvent>> out = new ArrayList<>();
        for (long i = 0; list != null && i < list.getArraySize(); i++) {
            Value m = list.getArrayElement(i);
            if (m.canExecute()) {
                JsPool.Handler h = handler(m);
                JsPool p = pool;
                out.add(e -> p.run(h, events.request("route", e)));
                continue;
            }
            if (m.isNull() || !m.hasMember("__middleware")) {
                throw new IllegalArgumentException("A middleware is a function or one of $apis' middlewares.");
            }
            List<String> args = new ArrayList<>();
            Value a = m.getMember("args");
            for (long j = 0; j < a.getArraySize(); j++) {
                Value arg = a.getArrayElement(j);
                args.add(arg.isString() ? arg.asString() : arg.toString());
            }
            out.add(switch (m.getMember("__middleware").asString()) {
                case "requireAuth" -> Middlewares.requireAuth(args.toArray(String[]::new));
                case "requireSuperuserAuth" -> Middlewares.requireSuperuserAuth();
                case "requireGuestOnly" -> Middlewares.requireGuestOnly();
                case "requireSuperuserOrOwnerAuth" -> Middlewares.requireSuperuserOrOwnerAuth(args.getFirst());
                case "bodyLimit" -> Middlewares.bodyLimit((long) Double.parseDouble(args.getFirst()));
                case "gzip" -> Middlewares.gzip();
                default -> throw new IllegalArgumentException("Unknown middleware.");
            });
        }
        return out;
    }

    /** A function's source text, preceded by blank lines up to its line in the file. */
    private JsPool.Handler handler(Value fn) {
        if (fn == null || !fn.canExecute()) {
            throw new IllegalArgumentException("A hook handler must be a function.");
        }
        SourceSection at = fn.getSourceLocation();
        String source = at != null && at.isAvailable() ? at.getCharacters().toString() : fn.toString();
        int line = at == null ? 1 : at.getStartLine();
        return new JsPool.Handler(id(), file, "\n".repeat(Math.max(0, line - 1)) + source);
    }
}
