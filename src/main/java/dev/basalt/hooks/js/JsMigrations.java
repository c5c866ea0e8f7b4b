package dev.basalt.hooks.js;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionJson;
import dev.basalt.collections.CollectionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PocketBase's JS migrations: the {@code *.js} files of the migrations directory ({@code basalt_migrations} next to
 * the data directory, as {@code pb_migrations} next to {@code pb_data}) that are not yet in {@code _jsMigrations} run
 * in name order at start, each file's {@code up(app)} in one transaction with its history row. A failing file rolls
 * back (its collection and record changes included) and stops the start with one line naming it and the position.
 * Nodes starting together take turns through an advisory lock, so each file runs once.
 */
final class JsMigrations {
    static final String DEFAULT_NAME = "basalt_migrations";
    /** Serialises the runners of several nodes (any constant distinct from the other advisory locks). */
    private static final long LOCK_KEY = 0x6a736d6967L;
    private static final Table<?> HISTORY = DSL.table(DSL.name("_jsMigrations"));
    private static final Field<String> FILE = DSL.field(DSL.name("file"), String.class);
    private static final Field<Long> APPLIED = DSL.field(DSL.name("applied"), Long.class);
    private static final Logger LOG = LoggerFactory.getLogger(JsMigrations.class);
    private final DSLContext dsl;
    private final TransactionTemplate tx;
    private final CollectionRegistry registry;

    JsMigrations(DSLContext dsl, TransactionTemplate tx, CollectionRegistry registry) {
        this.dsl = dsl;
        this.tx = tx;
        this.registry = registry;
    }

    /** {@code basalt_migrations} in the data directory's parent. */
    static Path defaultDir(Path dataDir) {
        Path parent = dataDir.toAbsolutePath().normalize().getParent();
        return (parent == null ? Path.of("/") : parent).resolve(DEFAULT_NAME);
    }

    /** Runs the pending files of {@code dir} in contexts of {@code pool}; returns the names of those it applied. */
    List<String> applyPending(Path dir, JsPool pool) {
        List<String> applied = new ArrayList<>();
        for (Path file : files(dir)) {
            String name = dir.relativize(file).toString();
            Boolean ran;
            try {
                ran = tx.execute(status -> {
                    dsl.select(DSL.function(DSL.name("pg_advisory_xact_lock"), Object.class,
                            DSL.inline(LOCK_KEY))).fetch();
                    if (dsl.fetchExists(HISTORY, FILE.eq(name))) {
                        return false;
                    }
                    run(file, name, pool);
                    dsl.insertInto(HISTORY).set(FILE, name).set(APPLIED, micros()).execute();
                    return true;
                });
            } catch (RuntimeException e) {
                registry.reload(); // the rolled-back file's collection changes are gone again
                throw e;
            }
            if (Boolean.TRUE.equals(ran)) {
                applied.add(name);
                LOG.info("Applied the JS migration {}", name);
            }
        }
        return applied;
    }

    /** Runs the {@code down} of the last {@code count} applied files (newest first) and forgets them. */
    List<String> revert(Path dir, JsPool pool, int count) {
        List<String> reverted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name;
            try {
                name = tx.execute(status -> {
                    dsl.select(DSL.function(DSL.name("pg_advisory_xact_lock"), Object.class,
                            DSL.inline(LOCK_KEY))).fetch();
                    String last = dsl.select(FILE).from(HISTORY).orderBy(APPLIED.desc(), FILE.desc()).limit(1)
                            .fetchOne(FILE);
                    if (last != null) {
                        Path file = dir.resolve(last);
                        if (!Files.isRegularFile(file)) {
                            throw new HookFileException("JS migration " + last + " is applied but missing from "
                                    + dir, null);
                        }
                        run(file, last, pool, "down");
                        dsl.deleteFrom(HISTORY).where(FILE.eq(last)).execute();
                    }
                    return last;
                });
            } catch (RuntimeException e) {
                registry.reload();
                throw e;
            }
            if (name == null) {
                break;
            }
            reverted.add(name);
            LOG.info("Reverted the JS migration {}", name);
        }
        return reverted;
    }

    private void run(Path file, String name, JsPool pool) {
        run(file, name, pool, "up");
    }

    private void run(Path file, String name, JsPool pool, String direction) {
        try (Context context = pool.newContext()) {
            context.eval(Source.newBuilder("js", file.toFile()).name(name).build());
            Value migration = context.getBindings("js").getMember("__migration");
            if (migration == null || migration.isNull()) {
                throw new HookFileException("JS migration " + name + ": it does not call migrate(up, down)", null);
            }
            Value step = migration.getMember(direction);
            if (step != null && step.canExecute()) {
                step.execute(context.getBindings("js").getMember("$app"));
            }
        } catch (PolyglotException e) {
            throw new HookFileException("JS migration " + JsPool.position(e, name) + ": " + JsPool.oneLine(e), e);
        } catch (IOException e) {
            throw new HookFileException("Cannot read the JS migration " + name + ": " + e.getMessage(), e);
        }
    }

    /** The migration files, by name (PocketBase's order); the directory's subdirectories are not read. */
    static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".js") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new HookFileException("Cannot read the migrations directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code <unix time>_collections_snapshot.js} importing every non-system collection; returns it. */
    static Path writeSnapshot(Path dir, List<Collection> all) {
        List<Object> definitions = all.stream().filter(c -> !c.system()).map(c -> (Object) CollectionJson.toJson(c))
                .toList();
        String json;
        try {
            json = JsJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(definitions);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot write the collections as JSON.", e);
        }
        String text = "// The collections as they were at " + Instant.now() + " (basalt migrate collections).\n"
                + "migrate((app) => {\n    const snapshot = " + json.replace("\n", "\n    ") + ";\n"
                + "    app.importCollections(snapshot, false);\n}, (app) => {\n    // nothing to revert\n});\n";
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(Instant.now().getEpochSecond() + "_collections_snapshot.js");
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new HookFileException("Cannot write the snapshot into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the applied files missing from {@code dir} (with the other nodes' runs locked out); returns them. */
    List<String> historySync(Path dir) {
        return tx.execute(status -> {
            dsl.select(DSL.function(DSL.name("pg_advisory_xact_lock"), Object.class, DSL.inline(LOCK_KEY))).fetch();
            List<String> gone = dsl.select(FILE).from(HISTORY).orderBy(FILE).fetch(FILE).stream()
                    .filter(name -> !Files.isRegularFile(dir.resolve(name))).toList();
            if (!gone.isEmpty()) {
                dsl.deleteFrom(HISTORY).where(FILE.in(gone)).execute();
                LOG.info("Forgot the JS migrations no longer in {}: {}", dir, gone);
            }
            return gone;
        });
    }

    /** The files recorded as applied. */
    Set<String> history() {
        return new HashSet<>(dsl.select(FILE).from(HISTORY).fetch(FILE));
    }

    private static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
