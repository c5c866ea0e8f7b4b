package dev.basalt.backups;

/** Receives the progress of a backup or restore (e.g. for a progress bar); called from the working thread. */
@FunctionalInterface
public interface BackupProgress {
    /** Ignores progress. */
    BackupProgress NONE = (phase, done, total, bytes) -> { };

    /**
     * @param phase what is being done ({@code tables}, {@code files}, {@code checking}, ...)
     * @param done  items of this phase done
     * @param total items of this phase in all
     * @param bytes bytes written or read so far, over all phases
     */
    void update(String phase, long done, long total, long bytes);
}
