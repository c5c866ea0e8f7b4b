package dev.basalt.hooks;

import dev.basalt.shared.ApiError;

/** The errors the hooks module answers itself (PocketBase's wording), beyond the common ones. */
enum HookErrors implements ApiError {
    /** {@code $apis.bodyLimit}: PocketBase's {@code ErrRequestEntityTooLarge}, message without a final dot. */
    REQUEST_ENTITY_TOO_LARGE(413, "Request entity too large");

    private final Text text;

    HookErrors(int status, String message) {
        this.text = new Text(status, message);
    }

    @Override
    public Text text() {
        return text;
    }

    @Override
    public String catalogue() {
        return "hooks";
    }
}
