package dev.basalt.collections.internal;

import dev.basalt.shared.ApiError;

/** The collections API's errors, each written once: PocketBase's status and message, and a stable code. */
enum CollectionErrors implements ApiError {
    CREATE_FAILED(400, "Failed to create collection."),
    UPDATE_FAILED(400, "Failed to update collection."),
    DELETE_FAILED(400, "Failed to delete collection."),
    IMPORT_FAILED(400, "Failed to import the submitted collections.");

    private final Text text;

    CollectionErrors(int status, String message) {
        this.text = new Text(status, message);
    }

    @Override
    public Text text() {
        return text;
    }

    @Override
    public String catalogue() {
        return "collections";
    }
}
