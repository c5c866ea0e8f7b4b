package dev.basalt.records;

import dev.basalt.collections.Collection;
import java.util.List;
import java.util.Map;

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
        public Uploads accept(Collection collection, Map<String, Object> body, String failure) {
            return new Uploads() {
                @Override
                public Map<String, Object> body() {
                    return body;
                }

                @Override
                public void store(Collection c, Map<String, Object> current, Map<String, Object> record) {
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
    Uploads accept(Collection collection, Map<String, Object> body, String failure);

    /**
     * Called inside the transaction that deleted records of {@code collection} (also by relation cascades):
     * their files are removed once the transaction commits.
     */
    void deleted(Collection collection, List<String> ids);

    /** The uploads of one write. */
    interface Uploads {
        /** The body with every upload replaced by its generated file name. */
        Map<String, Object> body();

        /**
         * Called inside the write's transaction before the row is written: checks that every new name of a file
         * field is one of this write's uploads (400 {@code validation_invalid_file} otherwise), stores those
         * uploads, removes them if the transaction rolls back, and removes the files that {@code record} no
         * longer holds once it commits.
         *
         * @param current the stored record before the change, null on create
         * @param record  the record as it will be stored
         */
        void store(Collection collection, Map<String, Object> current, Map<String, Object> record);
    }
}
