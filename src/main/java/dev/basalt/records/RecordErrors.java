package dev.basalt.records;

import dev.basalt.shared.ApiError;
import dev.basalt.shared.CommonErrors;

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
    BODY_MALFORMED(CommonErrors.BODY_MALFORMED),
    BODY_UNREADABLE(CommonErrors.BODY_UNREADABLE),
    BODY_TOO_LARGE(CommonErrors.BODY_TOO_LARGE);

    private final Text text;

    RecordErrors(int status, String message) {
        this.text = new Text(status, message);
    }

    /** The status and message of a common error, under this catalogue's code. */
    RecordErrors(ApiError common) {
        this.text = common.text();
    }

    @Override
    public Text text() {
        return text;
    }

    @Override
    public String catalogue() {
        return "records";
    }
}
