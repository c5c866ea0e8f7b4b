package dev.basalt.files;

import java.io.InputStream;
import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * Where the bytes of uploaded files live, addressed by keys such as {@code <collectionId>/<recordId>/<name>}
 * (segments of letters, digits, {@code _ - .}). Implementations: the local disk under the data directory, or an
 * S3-compatible bucket. Failures are {@link java.io.UncheckedIOException}s.
 */
public interface FileStorage {
    /** Stores {@code size} bytes under {@code key}, replacing what was there. */
    void write(String key, InputStream content, long size);

    /** The stored file, or empty when there is none; its {@code contentLength()} is known. */
    Optional<Resource> find(String key);

    /** True when a file is stored under {@code key}. */
    boolean exists(String key);

    /** Removes the file under {@code key}, if any. */
    void delete(String key);

    /** Removes every file whose key starts with {@code prefix + "/"}. */
    void deleteAll(String prefix);

    /** Every stored key, in no particular order (for backups; read lazily, close the stream). */
    java.util.stream.Stream<String> list();

    /** Checks a key: non-empty segments of safe characters, no {@code .} or {@code ..} segments. */
    static String checkKey(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/")) {
            throw new IllegalArgumentException("Invalid storage key");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || !segment.matches("[A-Za-z0-9_.\\-]+")) {
                throw new IllegalArgumentException("Invalid storage key");
            }
        }
        return key;
    }
}
