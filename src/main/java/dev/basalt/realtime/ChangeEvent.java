package dev.basalt.realtime;

import java.util.Objects;

/**
 * One committed change of a record, as it travels between nodes.
 *
 * @param collectionId   the collection's id (topics may name it)
 * @param collectionName the collection's name (topics may name it too)
 * @param recordId       the changed record's id
 * @param action         {@code create}, {@code update} or {@code delete}
 * @param snapshot       the record as it was after the change (before it, for a delete), encoded by the domain;
 *                       opaque to the realtime module
 */
public record ChangeEvent(String collectionId, String collectionName, String recordId, String action,
                          String snapshot) {
    /** The actions PocketBase sends. */
    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";

    public ChangeEvent {
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(collectionName, "collectionName");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
