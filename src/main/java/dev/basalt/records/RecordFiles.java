package dev.basalt.records;

import dev.basalt.collections.Collection;
import java.util.List;

/**
 * What record writes ask of file storage (implemented by the files module, which depends on records, not the
 * other way round). Uploaded files arrive in a submitted body as Spring {@code MultipartFile}s (see
 * {@link RequestBodies}); {@link #accept} turns them into generated names before the body is applied, and
 * {@link Uploads#store} writes them inside the write's transaction, removing them again if it rolls back and
 * removing replaced files only once it commits.
 */
public interface RecordFiles {
    /** Stands in when no files module is present: bodies pass unchanged, nothing is stored. */
    RecordFiles NONE = new RecordFiles() {
        @Override
        public Uploads accept(Collection collection, RecordInput body, String failure) {
            return new Uploads() {
                @Override
                public RecordInput body() {
                    return body;
                }

                @Override
                public void store(RecordData record) {
                }
            };
        }

        @Override
        public void deleted(Collection collection, List<String> ids) {
        }
    };

    /**
     * Checks the uploads of file fields in {@code body} (size, MIME type) and replaces them with their new names.
     *
     * @param failure the message of the 400 when a file is refused
     */
    Uploads accept(Collection collection, RecordInput body, String failure);

    /**
     * Called inside the transaction that deleted records of {@code collection} (also by relation cascades):
     * their files are removed once the transaction commits.
     */
    void deleted(Collection collection, List<String> ids);

    /** The uploads of one write. */
    interface Uploads {
        /** The body with every upload replaced by its generated file name. */
        RecordInput body();

        /**
         * Called inside the write's transaction before the row is written: checks that every new name of a file
         * field is one of this write's uploads (400 {@code validation_invalid_file} otherwise), stores those
         * uploads, removes them if the transaction rolls back, and removes the files that {@code record} no
         * longer holds once it commits.
         *
         * @param record the record as it will be stored; after an update its {@link RecordData#original()} is the
         *               stored record before the change
         */
        void store(RecordData record);
    }
}
