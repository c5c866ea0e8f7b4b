package dev.basalt.backups.internal;

import dev.basalt.backups.Backups;
import dev.basalt.crons.CronRegistry;
import dev.basalt.settings.Settings;
import dev.basalt.settings.SettingsChanged;
import dev.basalt.settings.SettingsStore;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * PocketBase's automatic backups: while the settings' {@code backups.cron} is set, the cron job
 * {@value #JOB_ID} creates {@code @auto_pb_backup_<app>_<timestamp>.zip} and keeps the newest
 * {@code backups.cronMaxKeep} of them. The job is (re)registered at start and whenever the settings change on any
 * node; like every scheduled cron run, each run happens on one node only.
 */
@Component
class ScheduledBackups {
    /** PocketBase's id of the job. */
    static final String JOB_ID = "__pbAutoBackup__";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackups.class);
    private final CronRegistry crons;
    private final SettingsStore settings;
    private final Backups backups;
    /** The expression the job is registered with; null while there is none. */
    private String registered;

    ScheduledBackups(CronRegistry crons, SettingsStore settings, Backups backups) {
        this.crons = crons;
        this.settings = settings;
        this.backups = backups;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        sync();
    }

    @EventListener
    void settingsChanged(SettingsChanged event) {
        sync();
    }

    /** Registers, replaces or removes the job so that it matches the stored {@code backups.cron}. */
    synchronized void sync() {
        String cron = settings.current().backups().cron();
        String wanted = cron == null || cron.isBlank() ? null : cron.trim();
        if (Objects.equals(wanted, registered)) {
            return;
        }
        crons.remove(JOB_ID);
        registered = null;
        if (wanted == null) {
            return;
        }
        try {
            crons.add(JOB_ID, wanted, this::run);
            registered = wanted;
        } catch (IllegalArgumentException e) {
            LOG.warn("Automatic backups are off: backups.cron '{}' is not a valid cron expression ({})", wanted,
                    e.getMessage());
        }
    }

    private void run() {
        Settings current = settings.current();
        String name = backups.createScheduled(current.meta().appName(), current.backups().cronMaxKeep());
        if (name != null) { // else an onBackupCreate hook skipped it
            LOG.info("Automatic backup {} created", name);
        }
    }
}
