package dev.basalt.files.internal;

import dev.basalt.files.FileStorage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Removes stored files at the end of the current transaction: files written by it when it rolls back, files
 * its change released when it commits. A failed removal is logged, never turned into an error of a request
 * whose database change already happened.
 */
final class FileCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(FileCleanup.class);

    private FileCleanup() {
    }

    /**
     * Registers the clean-up with the transaction of the calling thread.
     *
     * @param written        keys written by this transaction: removed unless it commits
     * @param releasedFiles  keys no longer referenced: removed once it commits
     * @param releasedFolders key prefixes (thumbnail or record folders) removed once it commits
     */
    static void register(FileStorage storage, List<String> written, List<String> releasedFiles,
                         List<String> releasedFolders) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("File changes need a transaction");
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    releasedFiles.forEach(key -> quietly(() -> storage.delete(key), key));
                    releasedFolders.forEach(prefix -> quietly(() -> storage.deleteAll(prefix), prefix));
                } else {
                    written.forEach(key -> quietly(() -> storage.delete(key), key));
                }
            }
        });
    }

    private static void quietly(Runnable removal, String key) {
        try {
            removal.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not remove stored file {}: {}", key, e.toString());
        }
    }
}
