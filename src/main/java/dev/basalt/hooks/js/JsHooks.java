package dev.basalt.hooks.js;

import dev.basalt.auth.ServerMails;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.hooks.Hooks;
import dev.basalt.records.RecordService;
import dev.basalt.shared.BasaltProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PocketBase's JS hooks: loads the {@code *.pb.js} files of the hooks directory ({@code basalt_hooks} next to the
 * data directory, or {@code basalt.hooks-dir}) in name order at start; a file that fails stops the start with one line
 * naming it and the position. In development ({@code basalt.dev}) a watcher reloads them all when one changes.
 */
@Component
class JsHooks implements DisposableBean {
    static final String DEFAULT_NAME = "basalt_hooks";
    private static final Logger LOG = LoggerFactory.getLogger(JsHooks.class);
    private final Path dir;
    private final JsRegistrar registrar;
    private final Map<String, Object> globals;
    private final JsWatcher watcher;
    private final int maxContexts;
    private volatile JsPool pool;

    JsHooks(Hooks hooks, CollectionRegistry collections, RecordService records, TransactionTemplate tx,
            ServerMails mails, BasaltProperties properties, @Value("${basalt.hooks-dir:}") String hooksDir,
            @Value("${basalt.dev:false}") boolean dev,
            @Value("${basalt.hooks-max-contexts:" + JsPool.DEFAULT_MAX_CONTEXTS + "}") int maxContexts) {
        this.maxContexts = maxContexts;
        this.dir = hooksDir.isBlank() ? defaultDir(properties.dir()) : Path.of(hooksDir).toAbsolutePath();
        this.registrar = new JsRegistrar(hooks, new JsEvents(hooks));
        this.globals = Map.of("__app", new JsApp(collections, records, tx, new JsMails(mails)),
                "__util", new JsUtil(dir), "__reg", registrar);
        List<Path> files = files();
        if (!files.isEmpty()) {
            pool = load(files);
            LOG.info("Loaded {} JS hook file(s) from {} (GraalJS runtime: {})", files.size(), dir,
                    pool.implementation());
        }
        watcher = dev ? JsWatcher.start(dir, this::reload) : null;
    }

    /** {@code basalt_hooks} in the data directory's parent. */
    static Path defaultDir(Path dataDir) {
        Path parent = dataDir.toAbsolutePath().normalize().getParent();
        return (parent == null ? Path.of("/") : parent).resolve(DEFAULT_NAME);
    }

    /** The hook files, by name (PocketBase's order). */
    List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".pb.js") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new HookFileException("Cannot read the hooks directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private JsPool load(List<Path> files) {
        JsPool next = new JsPool(globals, maxContexts);
        try (Context loader = next.newContext()) {
            for (Path file : files) {
                String name = dir.getParent() == null ? file.toString() : dir.getParent().relativize(file).toString();
                registrar.loading(next, name);
                try {
                    loader.eval(Source.newBuilder("js", file.toFile()).name(name).build());
                } catch (PolyglotException e) {
                    throw new HookFileException("JS hook " + JsPool.position(e, name) + ": " + JsPool.oneLine(e), e);
                } catch (IOException e) {
                    throw new HookFileException("Cannot read the JS hook file " + name + ": " + e.getMessage(), e);
                }
            }
        } catch (RuntimeException e) {
            registrar.unbindAll();
            next.close();
            throw e;
        }
        return next;
    }

    /** Unbinds every JS handler, then loads the files again; a failing file leaves no JS hooks, with a warning. */
    synchronized void reload() {
        registrar.unbindAll();
        JsPool old = pool;
        pool = null;
        try {
            List<Path> files = files();
            pool = files.isEmpty() ? null : load(files);
            LOG.info("Reloaded {} JS hook file(s) from {}", files.size(), dir);
        } catch (HookFileException e) {
            LOG.warn("{} (the JS hooks stay off until it is fixed)", e.getMessage());
        }
        if (old != null) {
            old.close();
        }
    }

    @Override
    public void destroy() {
        if (watcher != null) {
            watcher.close();
        }
        JsPool p = pool;
        if (p != null) {
            p.close();
        }
    }
}
