package dev.basalt.hooks.js;

import dev.basalt.shared.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GraalJS contexts hook handlers run in: one shared engine (parsed code is shared), contexts created on demand,
 * each with the JS API installed and nothing else reachable: only {@link HostAccess.Export}ed methods of the API's
 * host objects, no host class lookup ({@code Java.type}), no I/O, threads, processes or environment. A handler runs in a context borrowed for the call; a hook triggered from inside a handler (a save in a handler)
 * re-enters the context its thread already holds.
 *
 * <p>A handler keeps its context through {@code e.next()}, so for a request hook the whole request (its queries
 * included) holds one: a GraalJS context cannot be entered by a second thread while a handler's frame is in it. The
 * pool therefore creates a context when none is idle (PocketBase does the same with its goja runtimes), up to a
 * bound of live contexts ({@code basalt.hooks-max-contexts}, default {@link #DEFAULT_MAX_CONTEXTS}); beyond it a
 * borrower waits up to {@link #BORROW_WAIT} for one to come back, then the request is answered 503
 * ({@link #BUSY}). A thread that already holds a context never waits: a hook triggered from inside a handler
 * re-enters it. Contexts are kept once made (at most the bound), so an overload does not recreate them. A fixed
 * pool of 8 made 32 concurrent requests queue behind the 8 that held a context across their database work, and no
 * bound let an overload create 60 and more (issue 19).
 */
final class JsPool implements AutoCloseable {
    /** Live contexts at most, unless {@code basalt.hooks-max-contexts} says otherwise (about 0.25 MB of heap each). */
    static final int DEFAULT_MAX_CONTEXTS = 64;
    /** How long a handler waits for a context when the bound is reached: as long as for a database connection. */
    static final Duration BORROW_WAIT = Duration.ofSeconds(3);
    /** The answer when no context came back within {@link #BORROW_WAIT}. */
    static final String BUSY = "The server is too busy running JS hooks, please try again later.";
    private static final Logger LOG = LoggerFactory.getLogger(JsPool.class);
    private static final String GENERIC = "Something went wrong while processing your request.";
    private static final String NO_ROWS = "sql: no rows in result set";
    /** The JS API, evaluated in this order in every context. */
    private static final List<String> API_FILES = List.of("prelude.js", "db.js", "collections.js", "events.js");
    private final Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
    private final int maxContexts;
    private final BlockingQueue<Runtime> idle;
    /** Contexts made and not closed: idle and in use. */
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private volatile boolean closed;
    private final ThreadLocal<Runtime> current = new ThreadLocal<>();
    private final Map<String, Object> globals;
    private final List<Source> api = new ArrayList<>();

    /** A handler kept as its source text, as PocketBase keeps them: it is compiled in each context that runs it. */
    record Handler(String id, String file, String source) {
    }

    /** One context with the API installed, and the handlers compiled in it. */
    private record Runtime(Context context, Value dispatch, Map<String, Value> compiled) {
    }

    /** {@code globals}: the API's host objects by the names the prelude expects; at most {@code maxContexts} live. */
    JsPool(Map<String, Object> globals, int maxContexts) {
        if (maxContexts < 1) {
            throw new IllegalArgumentException("basalt.hooks-max-contexts must be at least 1, not " + maxContexts + ".");
        }
        this.globals = Map.copyOf(globals);
        this.maxContexts = maxContexts;
        this.idle = new ArrayBlockingQueue<>(maxContexts);
        for (String name : API_FILES) {
            try (InputStream in = JsPool.class.getResourceAsStream("/hooks/" + name)) {
                api.add(Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), name).build());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the JS hooks API " + name + ".", e);
            }
        }
    }

    /** A new context with the API installed; the loader evaluates the hook files in one of these. */
    Context newContext() {
        Context context = Context.newBuilder("js").engine(engine)
                .allowHostAccess(HostAccess.EXPLICIT)
                .allowHostClassLookup(name -> false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .build();
        Value bindings = context.getBindings("js");
        globals.forEach(bindings::putMember);
        api.forEach(context::eval);
        globals.keySet().forEach(bindings::removeMember);
        return context;
    }

    /** Runs a handler on an event handle ({@code null} for a cron job) in a context of the pool. */
    void run(Handler handler, JsEvent event) {
        Runtime runtime = current.get();
        boolean borrowed = runtime == null;
        if (borrowed) {
            runtime = borrow();
            current.set(runtime);
        }
        try {
            Runtime rt = runtime;
            Value fn = rt.compiled().computeIfAbsent(handler.id(), id -> rt.context().eval(
                    Source.newBuilder("js", "(" + handler.source() + ")", handler.file()).buildLiteral()));
            if (event == null) {
                fn.executeVoid();
            } else {
                rt.dispatch().executeVoid(fn, event);
            }
        } catch (PolyglotException e) {
            throw translate(e, handler.file());
        } finally {
            if (borrowed) {
                current.remove();
                release(runtime);
            }
        }
    }

    /**
     * A handler's failure as the API answers it (PocketBase's rules): an API error thrown by the server or the hook
     * as it is, {@code sql: no rows} as 404, anything else 400 with the generic message, logged with its position.
     */
    static RuntimeException translate(PolyglotException e, String file) {
        if (e.isHostException() && e.asHostException() instanceof RuntimeException host) {
            return host;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains(NO_ROWS)) {
            return ApiException.notFound();
        }
        LOG.warn("JS hook error at {}: {}", position(e, file), message);
        return ApiException.badRequest(GENERIC);
    }

    /** {@code file:line:column} of a guest error, or the file alone. */
    static String position(PolyglotException e, String file) {
        SourceSection at = e.getSourceLocation();
        if (at == null || API_FILES.contains(at.getSource().getName())) {
            at = null; // a host exception or an API function's error: where the hook code made the call
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                SourceSection where = frame.getSourceLocation();
                if (frame.isGuestFrame() && where != null && !API_FILES.contains(where.getSource().getName())) {
                    at = where;
                    break;
                }
            }
        }
        if (at == null || at.getSource() == null) {
            return file;
        }
        return at.getSource().getName() + ":" + at.getStartLine() + ":" + at.getStartColumn();
    }

    /**
     * A guest error's message on one line: GraalJS adds the source line and a caret below a syntax error, and
     * repeats the position the message is given with.
     */
    static String oneLine(PolyglotException e) {
        String message = e.isHostException() ? e.asHostException().getMessage() : e.getMessage();
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        return first.replaceFirst("^(\\w*Error: )?\\S+:\\d+:\\d+ ", "$1");
    }

    /** An idle context, a new one while under the bound, or the first one back within {@link #BORROW_WAIT}. */
    private Runtime borrow() {
        Runtime free = idle.poll();
        if (free != null) {
            return free;
        }
        if (live.getAndUpdate(n -> n < maxContexts ? n + 1 : n) < maxContexts) {
            try {
                created.incrementAndGet();
                Context context = newContext();
                return new Runtime(context, context.getBindings("js").getMember("__dispatch"), new HashMap<>());
            } catch (RuntimeException e) {
                live.decrementAndGet();
                throw e;
            }
        }
        try {
            free = idle.poll(BORROW_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (free == null) {
            LOG.warn("No JS context came back within {} ms ({} in use): request answered 503", BORROW_WAIT.toMillis(),
                    maxContexts);
            throw new ApiException(503, BUSY);
        }
        return free;
    }

    /** Back to the idle ones (there is room for every live one), or closed when the pool is closed. */
    private void release(Runtime runtime) {
        if (closed || !idle.offer(runtime)) {
            live.decrementAndGet();
            runtime.context().close();
        }
    }

    /** The implementation running the handlers: {@code Interpreted} without the Graal compiler. */
    String implementation() {
        return engine.getImplementationName();
    }

    /** Contexts made and not closed. */
    int live() {
        return live.get();
    }

    /** Contexts created so far (idle, in use and closed ones). */
    int created() {
        return created.get();
    }

    @Override
    public void close() {
        closed = true;
        Runtime r;
        while ((r = idle.poll()) != null) {
            r.context().close(true);
        }
        engine.close(true);
    }
}
