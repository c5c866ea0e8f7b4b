package dev.basalt.ops;

/**
 * Whether a backup or restore is running on this node, for the {@code canBackup} entry of {@code /api/health};
 * implemented by the backups module.
 */
public interface BackupActivity {
    /** True while no backup or restore runs. */
    boolean canBackup();
}
