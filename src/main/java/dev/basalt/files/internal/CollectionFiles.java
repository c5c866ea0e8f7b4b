package dev.basalt.files.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionDeleted;
import dev.basalt.collections.fields.FileField;
import dev.basalt.files.FileStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Removes the stored files of a deleted collection once its deletion has committed, as PocketBase does: only when
 * the collection still has a file field (files left behind by a file field removed earlier stay, as in PocketBase,
 * which never removes files for a removed field). A failed removal is logged, never an error of the request.
 */
@Component
class CollectionFiles {
    private static final Logger LOG = LoggerFactory.getLogger(CollectionFiles.class);

    private final FileStorage storage;

    CollectionFiles(FileStorage storage) {
        this.storage = storage;
    }

    @EventListener
    void deleted(CollectionDeleted event) {
        Collection c = event.collection();
        if (c.fields().stream().noneMatch(FileField.class::isInstance)) {
            return;
        }
        String folder = StorageKeys.collection(c);
        try {
            storage.deleteAll(folder);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the stored files of deleted collection {} ({}): {}", c.name(), folder,
                    e.toString());
        }
    }
}
