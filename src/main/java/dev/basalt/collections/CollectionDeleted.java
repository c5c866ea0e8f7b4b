package dev.basalt.collections;

/**
 * Published (as a Spring application event) once the transaction that deleted a collection has committed, so that
 * other modules can drop what they keep for it (the files module: its stored files).
 *
 * @param collection the deleted collection, as it was
 */
public record CollectionDeleted(Collection collection) {
}
