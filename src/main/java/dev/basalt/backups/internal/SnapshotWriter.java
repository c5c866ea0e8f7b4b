package dev.basalt.backups.internal;

import dev.basalt.backups.BackupProgress;
import dev.basalt.backups.internal.Manifest.StoredFile;
import dev.basalt.backups.internal.Manifest.Table;
import dev.basalt.files.FileStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a backup zip: every table of the schema as CSV from {@code COPY ... TO STDOUT}, all read in one
 * {@code REPEATABLE READ READ ONLY} transaction (one snapshot), then the stored files, then the manifest. Files
 * are copied after the snapshot, so every file name in the data has its file (a file deleted while the backup
 * runs may be missing; its record is then gone too in the next backup).
 */
public final class SnapshotWriter {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private final DataSource dataSource;
    private final FileStorage storage;
    private final String schema;

    public SnapshotWriter(DataSource dataSource, FileStorage storage, String schema) {
        this.dataSource = dataSource;
        this.storage = storage;
        this.schema = schema;
    }

    /** Writes the whole backup to {@code out} (closed at the end). */
    public void write(OutputStream out, String basaltVersion, BackupProgress progress) throws IOException {
        Counting counted = new Counting(out);
        try (ZipOutputStream zip = new ZipOutputStream(counted)) {
            Snapshot snapshot = writeTables(zip, counted, progress);
            List<StoredFile> files = writeFiles(zip, counted, progress);
            Manifest manifest = new Manifest(Manifest.FORMAT, Manifest.VERSION, basaltVersion,
                    Instant.now().toString(), snapshot.postgresVersion(), snapshot.tables(), snapshot.sequences(),
                    snapshot.views(), files);
            zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
        }
    }

    private record Snapshot(String postgresVersion, List<Table> tables, List<Manifest.Sequence> sequences,
                            List<Manifest.View> views) {
    }

    private Snapshot writeTables(ZipOutputStream zip, Counting counted, BackupProgress progress)
            throws IOException {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            conn.setReadOnly(true);
            try {
                DSLContext tx = DSL.using(conn, SQLDialect.POSTGRES);
                Session.prepare(tx, schema);
                SchemaReader reader = new SchemaReader(tx, schema);
                List<Record> found = reader.tables();
                List<Table> tables = new ArrayList<>();
                var copy = conn.unwrap(PGConnection.class).getCopyAPI();
                for (Record t : found) {
                    long oid = t.get("oid", Long.class);
                    String name = t.get("name", String.class);
                    var columns = reader.columns(oid);
                    String entry = "data/" + String.format("%05d", tables.size() + 1) + ".csv";
                    zip.putNextEntry(new ZipEntry(entry));
                    MessageDigest sha = Checksums.sha256();
                    DigestOutputStream digest = new DigestOutputStream(Checksums.unclosable(zip), sha);
                    long rows = copy.copyOut("COPY " + Ddl.name(name) + " (" + Session.columnList(columns)
                            + ") TO STDOUT WITH (FORMAT csv)", digest);
                    digest.flush();
                    zip.closeEntry();
                    tables.add(new Table(name, columns, entry, rows, HexFormat.of().formatHex(sha.digest()),
                            reader.constraints(oid), reader.indexes(oid)));
                    progress.update("tables", tables.size(), found.size(), counted.count);
                }
                String version = tx.fetchValue("SHOW server_version").toString();
                Snapshot snapshot = new Snapshot(version, tables, reader.sequences(), reader.views());
                conn.commit();
                return snapshot;
            } finally {
                if (!conn.getAutoCommit()) {
                    conn.rollback();
                }
                conn.setReadOnly(false);
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("Could not read the database: " + e.getMessage(), e);
        }
    }

    private List<StoredFile> writeFiles(ZipOutputStream zip, Counting counted, BackupProgress progress)
            throws IOException {
        List<String> keys;
        try (var stream = storage.list()) {
            keys = stream.sorted().toList();
        }
        List<StoredFile> files = new ArrayList<>();
        int done = 0;
        for (String key : keys) {
            done++;
            Resource resource = storage.find(key).orElse(null);
            if (resource == null) {
                continue; // deleted since it was listed
            }
            String entry = "files/" + key;
            zip.putNextEntry(new ZipEntry(entry));
            MessageDigest sha = Checksums.sha256();
            long size;
            try (InputStream in = resource.getInputStream()) {
                DigestOutputStream digest = new DigestOutputStream(Checksums.unclosable(zip), sha);
                size = in.transferTo(digest);
            } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
                size = -1;
            }
            zip.closeEntry();
            if (size >= 0) {
                files.add(new StoredFile(key, entry, size, HexFormat.of().formatHex(sha.digest())));
            }
            progress.update("files", done, keys.size(), counted.count);
        }
        return files;
    }

    /** Counts the bytes written, for the progress. */
    private static final class Counting extends java.io.FilterOutputStream {
        private long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
