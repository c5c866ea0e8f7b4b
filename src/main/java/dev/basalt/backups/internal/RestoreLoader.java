package dev.basalt.backups.internal;

import dev.basalt.backups.BackupProgress;
import dev.basalt.backups.internal.Manifest.Sequence;
import dev.basalt.backups.internal.Manifest.Table;
import dev.basalt.backups.internal.Manifest.View;
import dev.basalt.database.DatabaseTimeouts;
import dev.basalt.files.FileStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a backup zip: checks it completely, writes its files to the storage, then in ONE transaction loads
 * every table into a fresh schema, checks the row counts, renames the live schema away and the fresh one into its
 * place and drops the old one. Either all of it commits or nothing does; on failure the files this restore added
 * are removed again. After the commit, stored files the backup does not hold are removed.
 */
public final class RestoreLoader {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreLoader.class);
    private final DataSource dataSource;
    private final FileStorage storage;
    private final String schema;

    public RestoreLoader(DataSource dataSource, FileStorage storage, String schema) {
        this.dataSource = dataSource;
        this.storage = storage;
        this.schema = schema;
    }

    /** Restores the zip at {@code path}; an {@link InvalidBackupException} when it is damaged or foreign. */
    public Manifest restore(Path path, BackupProgress progress) throws IOException {
        try (ZipFile zip = open(path)) {
            Manifest manifest = BackupCheck.manifest(zip);
            for (Manifest.StoredFile f : manifest.files()) {
                try {
                    FileStorage.checkKey(f.key());
                } catch (IllegalArgumentException e) {
                    throw new InvalidBackupException("it holds a file with an invalid key");
                }
            }
            BackupCheck.entries(zip, manifest, progress);
            List<String> added = writeFiles(zip, manifest, progress);
            Set<String> kept = new HashSet<>();
            manifest.files().forEach(f -> kept.add(f.key()));
            // Listed before the switch: a file uploaded after it belongs to a record of the restored data.
            List<String> stale;
            try (var keys = storage.list()) {
                stale = keys.filter(k -> !kept.contains(k)).toList();
            }
            try {
                load(zip, manifest, progress);
            } catch (RuntimeException | IOException e) {
                added.forEach(this::deleteQuietly);
                throw e;
            }
            stale.forEach(this::deleteQuietly);
            return manifest;
        }
    }

    private static ZipFile open(Path path) throws IOException {
        try {
            return new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new InvalidBackupException("it is not a zip file (or a damaged one)");
        }
    }

    /** Writes the backup's files; returns the keys that did not exist before (removed again on failure). */
    private List<String> writeFiles(ZipFile zip, Manifest manifest, BackupProgress progress) throws IOException {
        List<String> added = new ArrayList<>();
        int done = 0;
        for (Manifest.StoredFile f : manifest.files()) {
            boolean existed = storage.exists(f.key());
            try (InputStream in = zip.getInputStream(zip.getEntry(f.entry()))) {
                storage.write(f.key(), in, f.size());
            }
            if (!existed) {
                added.add(f.key());
            }
            progress.update("files", ++done, manifest.files().size(), 0);
        }
        return added;
    }

    private void load(ZipFile zip, Manifest manifest, BackupProgress progress) throws IOException {
        String fresh = "basalt_restore_" + Long.toHexString(new SecureRandom().nextLong() >>> 1);
        String old = "basalt_replaced_" + Long.toHexString(new SecureRandom().nextLong() >>> 1);
        try (Connection conn = dataSource.getConnection()) {
            // Index builds on large tables, and the final swap waiting for running transactions, may take long.
            DatabaseTimeouts.allowLongStatements(conn);
            conn.setAutoCommit(false);
            try {
                DSLContext tx = DSL.using(conn, SQLDialect.POSTGRES);
                tx.execute("CREATE SCHEMA {0}", DSL.name(fresh));
                Session.prepare(tx, fresh);
                createSchema(tx, conn, zip, manifest, progress);
                tx.execute("ALTER SCHEMA {0} RENAME TO {1}", DSL.name(schema), DSL.name(old));
                tx.execute("ALTER SCHEMA {0} RENAME TO {1}", DSL.name(fresh), DSL.name(schema));
                tx.execute("DROP SCHEMA {0} CASCADE", DSL.name(old));
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.warn("Restore failed, nothing changed: {}", e.getMessage());
            throw new RestoreFailedException("the database refused it (" + e.getSQLState() + "); nothing changed");
        } catch (org.jooq.exception.DataAccessException e) {
            LOG.warn("Restore failed, nothing changed: {}", e.getMessage());
            throw new RestoreFailedException("the database refused it (" + e.sqlState() + "); nothing changed");
        }
    }

    private void createSchema(DSLContext tx, Connection conn, ZipFile zip, Manifest manifest,
                              BackupProgress progress) throws SQLException, IOException {
        CopyManager copy = conn.unwrap(PGConnection.class).getCopyAPI();
        for (Sequence s : manifest.sequences()) {
            if (!s.identity()) {
                tx.execute(Ddl.createSequence(s));
            }
        }
        int done = 0;
        for (Table t : manifest.tables()) {
            tx.execute(Ddl.createTable(t));
            long rows;
            try (InputStream in = zip.getInputStream(zip.getEntry(t.entry()))) {
                rows = copy.copyIn("COPY " + Ddl.name(t.name()) + " (" + Session.columnList(t.columns())
                        + ") FROM STDIN WITH (FORMAT csv)", in);
            }
            // The server's own count of the rows COPY loaded.
            if (rows != t.rows()) {
                throw new InvalidBackupException("table " + t.name() + " loaded " + rows + " rows, the manifest says "
                        + t.rows());
            }
            progress.update("tables", ++done, manifest.tables().size(), 0);
        }
        for (Table t : manifest.tables()) {
            for (Manifest.Constraint c : t.constraints()) {
                if (!"f".equals(c.type())) {
                    tx.execute(Ddl.addConstraint(t.name(), c));
                }
            }
            for (String index : t.indexes()) {
                tx.execute(Ddl.createIndex(index));
            }
        }
        for (Table t : manifest.tables()) {
            for (Manifest.Constraint c : t.constraints()) {
                if ("f".equals(c.type())) {
                    tx.execute(Ddl.addConstraint(t.name(), c));
                }
            }
        }
        for (Sequence s : manifest.sequences()) {
            if (s.ownedBy() != null && !s.identity()) {
                String[] owner = s.ownedBy().split("\\.", 2);
                if (owner.length != 2) {
                    throw new InvalidBackupException("sequence " + s.name() + " has an invalid owner");
                }
                tx.execute("ALTER SEQUENCE {0} OWNED BY {1}", DSL.name(s.name()), DSL.name(owner[0], owner[1]));
            }
            if (s.lastValue() != null) {
                tx.execute("SELECT setval({0}::regclass, {1}, true)", DSL.val(Ddl.name(s.name())),
                        DSL.val(s.lastValue()));
            }
        }
        createViews(tx, conn, manifest.views());
    }

    /** Creates views, retrying those that read a view created after them, until no progress is made. */
    private static void createViews(DSLContext tx, Connection conn, List<View> views) throws SQLException {
        List<View> pending = new ArrayList<>(views);
        while (!pending.isEmpty()) {
            List<View> failed = new ArrayList<>();
            RuntimeException last = null;
            for (View v : pending) {
                String sql = Ddl.createView(v);
                java.sql.Savepoint before = conn.setSavepoint();
                try {
                    tx.execute(sql);
                    conn.releaseSavepoint(before);
                } catch (org.jooq.exception.DataAccessException e) {
                    conn.rollback(before);
                    failed.add(v);
                    last = e;
                }
            }
            if (failed.size() == pending.size()) {
                throw last;
            }
            pending = failed;
        }
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove stored file {} after a restore: {}", key, e.getMessage());
        }
    }
}
