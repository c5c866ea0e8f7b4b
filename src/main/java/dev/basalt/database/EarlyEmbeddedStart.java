package dev.basalt.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the settings are known, so it starts while
 * Spring parses the configuration and creates the beans instead of after them (a second or more of a start).
 * Only when {@value #PROPERTY} is true ({@code basalt serve} sets it; tests and host applications start the
 * database when the bean is created, as before). The {@link DatabaseServer} bean takes the running start; if the
 * start fails before that (e.g. an invalid setting), the server is stopped here once it is up.
 */
public final class EarlyEmbeddedStart implements ApplicationListener<SpringApplicationEvent> {
    /** The switch {@code basalt serve} passes. */
    public static final String PROPERTY = "basalt.db.start-early";
    /** The embedded server's PostgreSQL settings ({@code BasaltProperties.Db#embeddedSettings}). */
    static final String SETTINGS_PROPERTY = "basalt.db.embedded-settings";
    /** {@code basalt.db.max-pool-size}'s default, for sizing the server's connections. */
    private static final int DEFAULT_POOL_SIZE = 20;
    private static final Map<Path, CompletableFuture<EmbeddedDatabase>> STARTS = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            begin(prepared.getEnvironment());
        } else if (event instanceof ApplicationFailedEvent) {
            for (Path dir : STARTS.keySet()) {
                CompletableFuture<EmbeddedDatabase> start = STARTS.remove(dir);
                if (start != null) {
                    start.handle((server, failure) -> {
                        if (server != null) {
                            server.close();
                        }
                        return null;
                    }).join();
                }
            }
        }
    }

    private static void begin(Environment env) {
        if (!env.getProperty(PROPERTY, Boolean.class, false) || !env.getProperty("basalt.db.url", "").isBlank()) {
            return;
        }
        Path dir = key(Path.of(env.getProperty("basalt.dir", "basalt_data")));
        Map<String, String> settings = EmbeddedDatabase.serverSettings(
                env.getProperty("basalt.db.max-pool-size", Integer.class, DEFAULT_POOL_SIZE),
                env.getProperty(SETTINGS_PROPERTY, ""));
        STARTS.computeIfAbsent(dir, d -> {
            CompletableFuture<EmbeddedDatabase> start = new CompletableFuture<>();
            Thread.ofPlatform().name("embedded-postgres-start").daemon().start(() -> {
                try {
                    start.complete(EmbeddedDatabase.startOrAttach(d, settings));
                } catch (RuntimeException | Error e) {
                    start.completeExceptionally(e);
                }
            });
            return start;
        });
    }

    /** The server started early for the directory (waiting for it), else one started or attached to now. */
    static EmbeddedDatabase take(Path dataDir) {
        return take(dataDir, EmbeddedDatabase.serverSettings(DEFAULT_POOL_SIZE, ""));
    }

    /** As {@link #take(Path)}; a start made here gets these PostgreSQL settings. */
    static EmbeddedDatabase take(Path dataDir, Map<String, String> settings) {
        CompletableFuture<EmbeddedDatabase> start = STARTS.remove(key(dataDir));
        if (start == null) {
            return EmbeddedDatabase.startOrAttach(dataDir, settings);
        }
        try {
            return start.join();
        } catch (CompletionException e) {
            // the same exception as a start on this thread, for the failure analysers' one line
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Path key(Path dir) {
        return dir.toAbsolutePath().normalize();
    }
}
