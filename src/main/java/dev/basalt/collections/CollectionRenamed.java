package dev.basalt.collections;

/**
 * Published (as a Spring application event, on the node that made the change) after a collection update that
 * changed the collection's name has committed, for settings that name collections (PocketBase's rate limit labels).
 *
 * @param id      the collection's id
 * @param oldName its name before
 * @param newName its name now
 */
public record CollectionRenamed(String id, String oldName, String newName) {
}
