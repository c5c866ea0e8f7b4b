package dev.basalt.backups;

import dev.basalt.shared.ApiException;
import dev.basalt.shared.CommonErrors;
import dev.basalt.shared.FieldError;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The answers of {@link Backups} that PocketBase words itself (400s). */
final class BackupErrors {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    private BackupErrors() {
    }

    /** A store that cannot be reached: 400 with the reason, as PocketBase (the bucket's error is logged only). */
    static ApiException unavailable(String action, IOException e) {
        LOG.warn("Could not {} the backups: {}", action, e.getMessage());
        return ApiException.badRequest("Failed to " + action + " the backups: the backups storage is unavailable.");
    }

    /** Another backup or restore is running. */
    static ApiException busy() {
        return ApiException.badRequest("Try again later - another backup/restore process has already been started.");
    }

    /** A submitted value is refused. */
    static ApiException invalid(String field, FieldError error) {
        return ApiException.badRequest(CommonErrors.VALIDATION_FAILED.message(), Map.of(field, error));
    }
}
