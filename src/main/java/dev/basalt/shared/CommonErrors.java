package dev.basalt.shared;


/**
 * The errors every module may answer, each written once: PocketBase's status and message, and a stable code. A
 * module catalogue that answers the same message under its own code takes it from here (e.g.
 * {@code auth.AuthErrors.TOKEN_INVALID}).
 */
public enum CommonErrors implements ApiError {
    AUTH_REQUIRED(401, "The request requires valid record authorization token."),
    NOT_ALLOWED(403, "The authorized record is not allowed to perform this action."),
    NOT_FOUND(404, "The requested resource wasn't found."),
    METHOD_NOT_ALLOWED(405, "Method not allowed."),
    /** PocketBase's answer to a request it could not handle (as a 500, the same message with that status). */
    REQUEST_FAILED(400, "Something went wrong while processing your request."),
    VALIDATION_FAILED(400, "An error occurred while validating the submitted data."),
    BODY_MALFORMED(400, "Failed to load the submitted data due to invalid formatting."),
    BODY_UNREADABLE(400, "Failed to read the request body."),
    BODY_TOO_LARGE(413, "The request body is too large.");

    private final Text text;

    CommonErrors(int status, String message) {
        this.text = new Text(status, message);
    }

    @Override
    public Text text() {
        return text;
    }

    @Override
    public String catalogue() {
        return "common";
    }
}
