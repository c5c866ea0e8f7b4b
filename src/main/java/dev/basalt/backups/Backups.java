package dev.basalt.backups;

import dev.basalt.backups.internal.BackupStore;
import dev.basalt.backups.internal.BackupStores;
import dev.basalt.backups.internal.InvalidBackupException;
import dev.basalt.backups.internal.RestoreFailedException;
import dev.basalt.backups.internal.RestoreLoader;
import dev.basalt.backups.internal.SnapshotWriter;
import dev.basalt.cluster.ClusterSignals;
import dev.basalt.files.FileStorage;
import dev.basalt.ops.BackupActivity;
import dev.basalt.settings.SettingsStore;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.BasaltProperties;
import dev.basalt.shared.DataRestored;
import dev.basalt.shared.FieldError;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/**
 * Creates, lists, stores and restores backups (zips in {@code <dir>/backups}, or in the bucket of the settings'
 * {@code backups.s3} while it is enabled: chosen per operation, see {@link BackupStores}); one backup or restore at
 * a time per database (PocketBase: per process). A restore replaces the database and the stored files while the server keeps serving,
 * then every node reloads what it keeps in memory ({@link DataRestored}).
 */
@Service
public class Backups implements BackupActivity {
    /** Names a user may give: PocketBase's rule. */
    public static final Pattern NAME = Pattern.compile("^[a-z0-9_-]+\\.zip$");
    /** Longest name. */
    public static final int MAX_NAME = 150;
    /** Prefix of the scheduled backups' names (pruned to {@code cronMaxKeep}), as PocketBase. */
    public static final String AUTO_PREFIX = "@auto_pb_backup_";
    private static final FieldError FORMAT = new FieldError("validation_match_invalid", "Must be in a valid format.");
    private static final Pattern KEY = Pattern.compile("^@?[a-z0-9_-]+\\.zip$");
    private static final String SCHEMA = "public";
    private static final String RESTORED_CHANNEL = "basalt_restored";
    /** Advisory lock key held while a backup or restore runs, so nodes and commands on one database take turns. */
    static final long LOCK_KEY = 0x6261636b7570L;
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    private final BackupStores stores;
    private final SnapshotWriter writer;
    private final RestoreLoader loader;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<Flyway> flyway;
    private final ClusterSignals signals;
    private final DSLContext dsl;
    private final DataSource dataSource;
    private final AtomicReference<String> active = new AtomicReference<>();
    private final Clock clock;
    private final SettingsStore settings;
    private final ObjectProvider<BackupInterceptor> hooks;

    public Backups(BasaltProperties properties, DataSource dataSource, FileStorage storage, DSLContext dsl,
                   ApplicationEventPublisher events, ObjectProvider<Flyway> flyway,
                   ObjectProvider<ClusterSignals> signals, Clock clock, SettingsStore settings,
                   ObjectProvider<BackupInterceptor> hooks) {
        this.hooks = hooks;
        this.clock = clock;
        this.settings = settings;
        this.stores = new BackupStores(properties.dir().resolve("backups"), settings);
        this.writer = new SnapshotWriter(dataSource, storage, SCHEMA);
        this.loader = new RestoreLoader(dataSource, storage, SCHEMA);
        this.events = events;
        this.flyway = flyway;
        this.dsl = dsl;
        this.dataSource = dataSource;
        this.signals = signals.getIfAvailable();
        if (this.signals != null) {
            this.signals.subscribe(RESTORED_CHANNEL, sender -> {
                if (sender != null && !sender.equals(this.signals.nodeId())) {
                    events.publishEvent(new DataRestored());
                }
            });
        }
    }

    /** A stored backup, as the API lists it. */
    public record BackupFile(String key, long size, long modified) {
    }

    @Override
    public boolean canBackup() {
        return active.get() == null;
    }

    /** Every stored backup, newest first. */
    public List<BackupFile> list() {
        try {
            return stores.current().list().stream()
                    // a bucket's times have whole seconds: the stamped names break ties, newest first
                    .sorted(Comparator.comparingLong(BackupStore.Entry::modified)
                            .thenComparing(BackupStore.Entry::key).reversed())
                    .map(e -> new BackupFile(e.key(), e.size(), e.modified())).toList();
        } catch (IOException e) {
            throw BackupErrors.unavailable("list", e);
        }
    }

    @PreDestroy
    void close() {
        stores.close();
    }

    /**
     * Creates a backup under {@code name} (validated as PocketBase), or under a generated name when blank; returns
     * its name, or null when an {@code onBackupCreate} hook skipped it.
     */
    public String create(String name, BackupProgress progress) {
        if (name == null || name.isEmpty()) {
            String appName = settings.current().meta().appName();
            return run(BackupNames.generated("pb_backup_", appName, clock.instant()), progress);
        }
        if (name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
            throw BackupErrors.invalid("name", FORMAT);
        }
        if (exists(name)) {
            throw BackupErrors.invalid("name", new FieldError("validation_backup_name_exists",
                    "The backup file name is invalid or already exists."));
        }
        return run(name, progress);
    }

    /**
     * The scheduled backup (for the cron registry): {@code @auto_pb_backup_<app>_<timestamp>.zip}, then removes
     * the oldest scheduled ones beyond {@code maxKeep} (0 keeps all). Returns the new backup's name (null when a
     * hook skipped it).
     */
    public String createScheduled(String appName, int maxKeep) {
        String name = run(BackupNames.generated(AUTO_PREFIX, appName, clock.instant()), BackupProgress.NONE);
        if (maxKeep > 0) {
            List<BackupFile> auto = list().stream().filter(b -> b.key().startsWith(AUTO_PREFIX)).toList();
            for (BackupFile old : auto.subList(Math.min(maxKeep, auto.size()), auto.size())) {
                delete(old.key());
            }
        }
        return name;
    }

    /** Runs the backup through the {@code onBackupCreate} hooks, when any module offers them. */
    private String run(String name, BackupProgress progress) {
        BackupInterceptor interceptor = hooks.getIfAvailable();
        return interceptor == null ? write(name, progress) : interceptor.aroundCreate(name, changed -> {
            if (!changed.equals(name) && (!validKey(changed) || exists(changed))) { // a hook's name
                throw BackupErrors.invalid("name", FORMAT);
            }
            return write(changed, progress);
        });
    }

    private String write(String name, BackupProgress progress) {
        HeldLock lock = begin(name);
        try (lock) {
            stores.current().write(name, out -> writer.write(out, version(), progress));
            return name;
        } catch (IOException e) {
            LOG.warn("Backup {} failed: {}", name, e.getMessage());
            throw ApiException.badRequest("Failed to create backup.");
        } finally {
            active.set(null);
        }
    }

    /** Stores an uploaded zip under {@code name} (its original file name). */
    public void upload(String name, InputStream content) {
        if (name == null || name.length() > MAX_NAME || !KEY.matcher(name).matches()) {
            throw BackupErrors.invalid("file", new FieldError("validation_invalid_name",
                    "The file name must match [a-z0-9_-] and end with .zip."));
        }
        if (exists(name)) {
            throw BackupErrors.invalid("file", new FieldError("validation_backup_name_exists",
                    "Backup file with the specified name already exists."));
        }
        try {
            stores.current().store(name, content);
        } catch (IOException e) {
            LOG.warn("Upload of backup {} failed: {}", name, e.getMessage());
            throw ApiException.badRequest("Failed to upload backup.");
        }
    }

    /** The zip of a stored backup, when {@code key} names one. */
    public Optional<Resource> file(String key) {
        try {
            return validKey(key) ? stores.current().find(key) : Optional.empty();
        } catch (IOException e) {
            throw BackupErrors.unavailable("read", e);
        }
    }

    private boolean exists(String key) {
        try {
            return stores.current().exists(key);
        } catch (IOException e) {
            throw BackupErrors.unavailable("read", e);
        }
    }

    /** Deletes a stored backup; 400 when it is missing or in use, as PocketBase. */
    public void delete(String key) {
        if (key.equals(active.get())) {
            throw ApiException.badRequest("The backup is currently being used and cannot be deleted.");
        }
        try {
            if (!validKey(key) || !stores.current().delete(key)) {
                throw ApiException.badRequest("Invalid or already deleted backup file.");
            }
        } catch (IOException e) {
            throw BackupErrors.unavailable("delete", e);
        }
    }

    /**
     * Replaces the database and the stored files with the backup {@code key}, then reloads every node's caches.
     * Returns when done; a damaged or foreign zip is refused with 400 and nothing changes.
     */
    public void restore(String key, BackupProgress progress) {
        BackupInterceptor interceptor = hooks.getIfAvailable();
        if (interceptor == null) {
            load(key, progress);
        } else {
            interceptor.aroundRestore(key, changed -> load(changed, progress));
        }
    }

    private void load(String key, BackupProgress progress) {
        if (!validKey(key) || !exists(key)) {
            throw ApiException.badRequest("Missing or invalid backup file.");
        }
        HeldLock lock = begin(key);
        try (lock) {
            stores.current().withFile(key, zip -> loader.restore(zip, progress));
        } catch (InvalidBackupException | RestoreFailedException e) {
            throw ApiException.badRequest("Failed to restore the backup: " + e.getMessage() + ".");
        } catch (IOException e) {
            LOG.warn("Restore of {} failed: {}", key, e.getMessage());
            throw ApiException.badRequest("Failed to restore the backup: it could not be read.");
        } finally {
            active.set(null);
        }
        Flyway migrations = flyway.getIfAvailable();
        if (migrations != null) {
            migrations.migrate(); // a backup of an older Basalt gets the newer system tables
        }
        events.publishEvent(new DataRestored());
        if (signals != null) {
            signals.send(dsl, RESTORED_CHANNEL, signals.nodeId());
        }
        LOG.info("Restored backup {}", key);
    }

    /**
     * Marks a backup or restore as running here and takes the database-wide advisory lock on a connection of its
     * own (closing it releases the lock); 400 when either is taken.
     */
    private HeldLock begin(String name) {
        if (!active.compareAndSet(null, name)) {
            throw BackupErrors.busy();
        }
        HeldLock lock = HeldLock.take(dataSource, LOCK_KEY);
        if (lock == null) {
            active.set(null);
            throw BackupErrors.busy();
        }
        return lock;
    }

    private static boolean validKey(String key) {
        return key != null && key.length() <= MAX_NAME && KEY.matcher(key).matches();
    }

    private static String version() {
        String v = Backups.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
