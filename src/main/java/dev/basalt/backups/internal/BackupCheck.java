package dev.basalt.backups.internal;

import dev.basalt.backups.BackupProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import tools.jackson.core.JacksonException;

/**
 * Checks a backup zip before a restore touches anything: a manifest of this format, and every data and file
 * entry present with the size and SHA-256 the manifest names. A damaged or foreign zip fails here.
 */
final class BackupCheck {
    private BackupCheck() {
    }

    static Manifest manifest(ZipFile zip) {
        ZipEntry entry = zip.getEntry(Manifest.ENTRY);
        if (entry == null) {
            throw new InvalidBackupException("the zip has no " + Manifest.ENTRY + ": it is not a Basalt backup");
        }
        Manifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = SnapshotWriter.JSON.readValue(in, Manifest.class);
        } catch (IOException | JacksonException e) {
            throw new InvalidBackupException("its " + Manifest.ENTRY + " cannot be read");
        }
        if (!Manifest.FORMAT.equals(manifest.format())) {
            throw new InvalidBackupException("it is not a Basalt backup");
        }
        if (manifest.formatVersion() < 1 || manifest.formatVersion() > Manifest.VERSION) {
            throw new InvalidBackupException("its format version " + manifest.formatVersion()
                    + " is not supported (this Basalt reads up to " + Manifest.VERSION + ")");
        }
        if (!complete(manifest)) {
            throw new InvalidBackupException("its manifest is incomplete");
        }
        return manifest;
    }

    /** Every value a restore reads is present (a manifest is input: nothing may fail later for a missing one). */
    private static boolean complete(Manifest m) {
        if (m.tables() == null || m.tables().isEmpty() || m.sequences() == null || m.views() == null
                || m.files() == null) {
            return false;
        }
        boolean tables = m.tables().stream().allMatch(t -> t != null && t.name() != null && t.entry() != null
                && t.sha256() != null && t.columns() != null && !t.columns().isEmpty() && t.constraints() != null
                && t.indexes() != null && t.columns().stream().allMatch(c -> c != null && c.name() != null)
                && t.constraints().stream().allMatch(c -> c != null && c.name() != null && c.definition() != null)
                && t.indexes().stream().allMatch(i -> i != null));
        boolean others = m.sequences().stream().allMatch(q -> q != null && q.name() != null)
                && m.views().stream().allMatch(v -> v != null && v.name() != null && v.definition() != null)
                && m.files().stream().allMatch(f -> f != null && f.key() != null && f.entry() != null
                && f.sha256() != null);
        return tables && others;
    }

    /** Reads every listed entry once and compares checksums. */
    static void entries(ZipFile zip, Manifest manifest, BackupProgress progress) {
        Set<String> names = new HashSet<>();
        long total = manifest.tables().size() + manifest.files().size();
        long done = 0;
        long[] bytes = {0};
        for (Manifest.Table t : manifest.tables()) {
            check(zip, t.entry(), -1, t.sha256(), "the data of table " + t.name(), names, bytes);
            progress.update("checking", ++done, total, bytes[0]);
        }
        for (Manifest.StoredFile f : manifest.files()) {
            if (!f.entry().equals("files/" + f.key())) {
                throw new InvalidBackupException("file entry " + f.entry() + " does not match its key");
            }
            check(zip, f.entry(), f.size(), f.sha256(), "file " + f.key(), names, bytes);
            progress.update("checking", ++done, total, bytes[0]);
        }
    }

    private static void check(ZipFile zip, String name, long size, String sha256, String what, Set<String> seen,
                              long[] bytes) {
        ZipEntry entry = name == null ? null : zip.getEntry(name);
        if (entry == null || !seen.add(name)) {
            throw new InvalidBackupException(what + " is missing");
        }
        MessageDigest sha = Checksums.sha256();
        long read;
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
            read = in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new InvalidBackupException(what + " cannot be read (the zip is damaged)");
        }
        bytes[0] += read;
        if ((size >= 0 && read != size) || !HexFormat.of().formatHex(sha.digest()).equalsIgnoreCase(sha256)) {
            throw new InvalidBackupException(what + " does not match its checksum (the zip is damaged)");
        }
    }
}
