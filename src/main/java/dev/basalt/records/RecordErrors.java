package dev.basalt.records;

import dev.basalt.shared.ApiError;
import java.util.Locale;

/** The records module's errors, each written once: PocketBase's status and message, and a stable code. */
public enum RecordErrors implements ApiError {
    CREATE_FAILED(400, "Failed to create record."),
    UPDATE_FAILED(400, "Failed to update record."),
    DELETE_REQUIRED_REFERENCE(400, "Failed to delete record. Make sure that the record is not part of a required "
            + "relation reference."),
    TRUNCATE_REQUIRED_REFERENCE(400, "Failed to truncate collection (most likely due to required cascade delete "
            + "record references)."),
    TRUNCATE_VIEW(400, "View collections cannot be truncated since they don't store their own records."),
    TRUNCATE_SYSTEM(400, "System collections cannot be truncated."),
    VIEW_COLLECTION_READ_ONLY(400, "Unsupported collection type."),
    SUPERUSERS_ONLY(403, "Only superusers can perform this action."),
    COLLECTION_MISSING(404, "Missing collection context."),
    INVALID_FIELDS(400, "Invalid fields parameter."),
    BODY_MALFORMED(400, "Failed to load the submitted data due to invalid formatting."),
    BODY_UNREADABLE(400, "Failed to read the request body."),
    BODY_TOO_LARGE(413, "The request body is too large.");

    private final int status;
    private final String message;

    RecordErrors(int status, String message) {
        this.status = status;
        this.message = message;
    }

    @Override
    public String code() {
        return "records." + name().toLowerCase(Locale.ROOT);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String message() {
        return message;
    }
}
