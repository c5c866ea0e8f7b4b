package dev.basalt.backups.internal;

import java.util.List;

/**
 * The table of contents of a backup zip ({@code manifest.json}, written last): what it holds, how to rebuild the
 * schema on any PostgreSQL 15+ (structured columns, constraint, index and view definitions from
 * {@code pg_get_*def}), and row counts and SHA-256 checksums that a restore checks before it changes anything.
 */
public record Manifest(String format, int formatVersion, String basaltVersion, String created,
                       String postgresVersion, List<Table> tables, List<Sequence> sequences, List<View> views,
                       List<StoredFile> files) {
    /** The value of {@link #format()} in every Basalt backup. */
    public static final String FORMAT = "basalt-backup";
    /** The newest format this code writes and reads. */
    public static final int VERSION = 1;
    /** The name of the manifest inside the zip. */
    public static final String ENTRY = "manifest.json";

    /** A table: its columns, its data entry (CSV of {@code COPY}) and what to add once the data is in. */
    public record Table(String name, List<Column> columns, String entry, long rows, String sha256,
                        List<Constraint> constraints, List<String> indexes) {
    }

    /**
     * A column. {@code identity} is {@code a} (always), {@code d} (by default) or empty; {@code generated} holds
     * the expression of a stored generated column (not in the data), otherwise null.
     */
    public record Column(String name, String type, boolean notNull, String defaultValue, String identity,
                         String generated) {
    }

    /** A constraint as {@code pg_get_constraintdef} prints it; {@code type} as {@code pg_constraint.contype}. */
    public record Constraint(String name, String type, String definition) {
    }

    /** A sequence and its position; {@code ownedBy} is {@code table.column} or null. */
    public record Sequence(String name, String type, long start, long increment, long min, long max, boolean cycle,
                           Long lastValue, String ownedBy, boolean identity) {
    }

    /** A view: its {@code SELECT}, as {@code pg_get_viewdef} prints it. */
    public record View(String name, String definition) {
    }

    /** A stored file: its storage key, its entry in the zip, its size and checksum. */
    public record StoredFile(String key, String entry, long size, String sha256) {
    }
}
