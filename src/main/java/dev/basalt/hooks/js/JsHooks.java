package dev.basalt.hooks.js;

import dev.basalt.auth.ServerMails;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.collections.CollectionService;
import dev.basalt.hooks.AppMigrations;
import dev.basalt.hooks.Hooks;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RecordService;
import dev.basalt.settings.SettingsStore;
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
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PocketBase's JS hooks: loads the {@code *.pb.js} files of the hooks directory ({@code basalt_hooks} next to the
 * data directory, or {@code basalt.hooks-dir}) in name order at start; a file that fails stops the start with one line
 * naming it and the position. In development ({@code basalt.dev}) a watcher reloads them all when one changes.
 */
@Component
class JsHooks implements DisposableBean, AppMigrations {
    static final String DEFAULT_NAME = "basalt_hooks";
    private static final Logger LOG = LoggerFactory.getLogger(JsHooks.class);
    private final Path dir;
    private final JsRegistrar registrar;
    private final Map<String, Object> globals;
    private final JsWatcher watcher;
    private final JsMigrations migrations;
    private final Path migrationsDir;
    private final CollectionRegistry collections;
    private final int maxContexts;
    private volatile JsPool pool;

    /** Without a database (tests of the loader): no $app.db(), finders, settings, collections or migrations. */
    JsHooks(Hooks hooks, CollectionRegistry collections, RecordService records, TransactionTemplate tx,
            ServerMails mails, BasaltProperties properties, String hooksDir, boolean dev, int maxContexts) {
        this(hooks, collections, null, records, tx, mails, properties, null, null, null, hooksDir, "", false, dev,
                maxContexts);
    }

    @Autowired
    JsHooks(Hooks hooks, CollectionRegistry collections, CollectionService collectionService, RecordService records,
            TransactionTemplate tx, ServerMails mails, BasaltProperties properties, DSLContext dsl, RecordReads reads,
            SettingsStore settings, @Value("${basalt.hooks-dir:}") String hooksDir,
            @Value("${basalt.migrations-dir:}") String migrationsDir,
            @Value("${basalt.migrations-at-start:true}") boolean migrateAtStart,
            @Value("${basalt.dev:false}") boolean dev,
            @Value("${basalt.hooks-max-contexts:" + JsPool.DEFAULT_MAX_CONTEXTS + "}") int maxContexts) {
        this.maxContexts = maxContexts;
        this.dir = hooksDir.isBlank() ? defaultDir(properties.dir()) : Path.of(hooksDir).toAbsolutePath();
        this.collections = collections;
        this.registrar = new JsRegistrar(hooks, new JsEvents(hooks));
        JsDb db = new JsDb(dsl, tx);
        JsUtil util = new JsUtil(dir);
        this.globals = Map.of("__app", new JsApp(collections, records, tx, new JsMails(mails)),
                "__util", util, "__fs", new JsFilesystem(util), "__reg", registrar,
                "__db", db, "__find", new JsFinders(db, dsl, collections, reads, settings),
                "__collections", new JsCollections(collections, collectionService));
        this.migrations = new JsMigrations(dsl, tx, collections);
        List<Path> files = files();
        if (!files.isEmpty()) {
            pool = load(files);
            LOG.info("Loaded {} JS hook file(s) from {} (GraalJS runtime: {})", files.size(), dir,
                    pool.implementation());
        }
        this.migrationsDir = migrationsDir.isBlank() ? (migrateAtStart ? JsMigrations.defaultDir(properties.dir())
                : dir.resolveSibling(JsMigrations.DEFAULT_NAME)) : Path.of(migrationsDir).toAbsolutePath();
        // after the hooks are bound, as in PocketBase, so the migrations' record writes pass them
        if (migrateAtStart) {
            migrate(this.migrationsDir);
        }
        watcher = dev ? JsWatcher.start(dir, this::reload) : null;
    }

    /** Applies the pending JS migrations of {@code dir}; returns the files applied. */
    List<String> migrate(Path dir) {
        return JsMigrations.files(dir).isEmpty() ? List.of() : withPool(p -> migrations.applyPending(dir, p));
    }

    @Override
    public Path directory() {
        return migrationsDir;
    }

    @Override
    public List<String> up() {
        return migrate(migrationsDir);
    }

    @Override
    public List<String> down(int count) {
        return withPool(p -> migrations.revert(migrationsDir, p, count));
    }

    @Override
    public List<String> historySync() {
        return migrations.historySync(migrationsDir);
    }

    @Override
    public Path snapshot() {
        return JsMigrations.writeSnapshot(migrationsDir, collections.all());
    }

    private <T> T withPool(java.util.function.Function<JsPool, T> work) {
        JsPool current = pool;
        JsPool runner = current != null ? current : new JsPool(globals, maxContexts);
        try {
            return work.apply(runner);
        } finally {
            if (runner != current) {
                runner.close();
            }
        }
    }

    JsMigrations migrations() {
        return migrations;
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
