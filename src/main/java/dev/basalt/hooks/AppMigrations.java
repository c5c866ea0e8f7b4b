package dev.basalt.hooks;

import java.nio.file.Path;
import java.util.List;

/**
 * PocketBase's {@code migrate} command over the JS migrations directory ({@code basalt_migrations}): apply the
 * pending files, revert the last applied ones, write a snapshot of the collections as a new migration file, or
 * forget the applied files that were removed.
 */
public interface AppMigrations {

    /** The JS migrations directory. */
    Path directory();

    /** Applies the pending files in name order; returns their names. */
    List<String> up();

    /** Runs the {@code down} of the last {@code count} applied files, newest first; returns their names. */
    List<String> down(int count);

    /** Writes a migration file that imports every non-system collection as it is now; returns its path. */
    Path snapshot();

    /**
     * PocketBase's {@code migrate history-sync}: forgets the applied files that are no longer in the directory
     * (nothing of theirs is reverted); returns their names.
     */
    List<String> historySync();
}
