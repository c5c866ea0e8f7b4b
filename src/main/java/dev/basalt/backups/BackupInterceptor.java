package dev.basalt.backups;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The backups' seam for PocketBase's {@code onBackupCreate} and {@code onBackupRestore} hooks, implemented by the
 * hooks module: it wraps one backup or restore (API, schedule or command); not calling {@code proceed} skips it.
 */
public interface BackupInterceptor {
    /**
     * Wraps one backup. {@code name} is the backup's name (a generated one already when none was asked for);
     * {@code proceed} creates the backup under the name it is given (a changed one must be a valid name) and
     * returns it. Returns the name of the backup made, or null when none was.
     */
    String aroundCreate(String name, UnaryOperator<String> proceed);

    /** Wraps one restore of the backup {@code name}; {@code proceed} restores the backup of the name it is given. */
    void aroundRestore(String name, Consumer<String> proceed);
}
