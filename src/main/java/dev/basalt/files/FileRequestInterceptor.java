package dev.basalt.files;

import dev.basalt.collections.Collection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * The files API's seam for PocketBase's {@code onFileDownloadRequest} and {@code onFileTokenRequest} hooks,
 * implemented by the hooks module: each wraps one call and returns the answer; not calling {@code proceed} leaves
 * the call unhandled.
 */
public interface FileRequestInterceptor {
    /** False when no hook is bound: calls then skip the interceptor. */
    boolean active();

    /**
     * Wraps a download of an allowed file ({@code proceed} serves it, named {@link Download#servedName()} as it is
     * then).
     */
    ResponseEntity<Object> aroundDownload(HttpServletRequest request, Download download,
                                          Supplier<ResponseEntity<Object>> proceed);

    /** Wraps {@code POST /api/files/token}; {@code answer} ({@code token}) may be changed before {@code proceed}. */
    ResponseEntity<Object> aroundToken(HttpServletRequest request, Map<String, Object> answer,
                                       Supplier<ResponseEntity<Object>> proceed);

    /** A file download: the record, its file field, the file's storage path and the name it is served with. */
    final class Download {
        private final Collection collection;
        private final Map<String, Object> record;
        private final String fileField;
        private final String servedPath;
        private String servedName;

        public Download(Collection collection, Map<String, Object> record, String fileField, String servedPath,
                        String servedName) {
            this.collection = collection;
            this.record = record;
            this.fileField = fileField;
            this.servedPath = servedPath;
            this.servedName = servedName;
        }

        public Collection collection() {
            return collection;
        }

        public Map<String, Object> record() {
            return record;
        }

        public String fileField() {
            return fileField;
        }

        /** {@code collectionId/recordId/filename} (read only in Basalt). */
        public String servedPath() {
            return servedPath;
        }

        /** The file name of the answer's {@code Content-Disposition}. */
        public String servedName() {
            return servedName;
        }

        public void servedName(String value) {
            this.servedName = value;
        }
    }
}
