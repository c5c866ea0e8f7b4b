package dev.basalt.files.internal;

import dev.basalt.collections.Collection;

/** Storage keys of a record's files: {@code <collectionId>/<recordId>/<name>}, thumbnails in {@code thumbs_<name>/}. */
final class StorageKeys {
    private StorageKeys() {
    }

    /** The folder of all files of a collection's records. */
    static String collection(Collection collection) {
        return collection.id();
    }

    /** The folder of one record's files. */
    static String record(Collection collection, String recordId) {
        return collection(collection) + "/" + recordId;
    }

    /** The key of a stored file. */
    static String file(Collection collection, String recordId, String name) {
        return record(collection, recordId) + "/" + name;
    }

    /** The folder of a file's thumbnails. */
    static String thumbs(Collection collection, String recordId, String name) {
        return record(collection, recordId) + "/thumbs_" + name;
    }

    /** The key of one thumbnail of a file (as PocketBase: {@code thumbs_<name>/<size>_<name>}). */
    static String thumb(Collection collection, String recordId, String name, String size) {
        return thumbs(collection, recordId, name) + "/" + size + "_" + name;
    }
}
