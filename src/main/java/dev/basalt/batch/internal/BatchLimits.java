package dev.basalt.batch.internal;

import dev.basalt.batch.BatchSettings;
import dev.basalt.settings.EnvOverrides;
import dev.basalt.settings.Settings;
import dev.basalt.settings.SettingsStore;
import org.springframework.stereotype.Component;

/**
 * The batch limits in force: the settings' {@code batch} section, except each limit that {@code BASALT_BATCH_*}
 * sets ({@link BatchSettings}), which wins. Read per request, so a settings change applies without a restart.
 */
@Component
class BatchLimits {
    private final BatchSettings configured;
    private final SettingsStore settings;
    private final EnvOverrides overrides;

    BatchLimits(BatchSettings configured, SettingsStore settings, EnvOverrides overrides) {
        this.configured = configured;
        this.settings = settings;
        this.overrides = overrides;
    }

    BatchSettings current() {
        Settings.Batch b = settings.recent().batch();
        long body = b.maxBodySize() == 0 ? Settings.Batch.DEFAULT_MAX_BODY_SIZE : b.maxBodySize();
        return new BatchSettings(
                overrides.has(EnvOverrides.BATCH_ENABLED) ? configured.enabled() : b.enabled(),
                overrides.has(EnvOverrides.BATCH_MAX_REQUESTS) ? configured.maxRequests() : b.maxRequests(),
                overrides.has(EnvOverrides.BATCH_TIMEOUT) ? configured.timeoutSeconds() : (int) b.timeout(),
                overrides.has(EnvOverrides.BATCH_MAX_BODY_SIZE) ? configured.maxBodyBytes() : body);
    }
}
