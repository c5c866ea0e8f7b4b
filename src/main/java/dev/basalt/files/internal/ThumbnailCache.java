package dev.basalt.files.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.FileField;
import dev.basalt.files.FileStorage;
import dev.basalt.shared.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Picks what to serve for a file: the original, or a thumbnail of an allowed size (the field's {@code thumbs}
 * or PocketBase's default {@code 100x100}), generated on first request and kept next to the original. One
 * thumbnail is generated at a time per key on a node; a failed generation serves the original.
 */
@Component
class ThumbnailCache {
    /** The size PocketBase always allows (its dashboard's previews). */
    static final String DEFAULT_THUMB = "100x100";
    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailCache.class);

    /** A file to send: its resource, served name and content type. */
    record Served(Resource resource, String name, String contentType) {
    }

    private final FileStorage storage;
    private final ConcurrentHashMap<String, Object> generating = new ConcurrentHashMap<>();

    ThumbnailCache(FileStorage storage) {
        this.storage = storage;
    }

    Served serve(Collection c, String recordId, String filename, FileField field, String thumb) {
        String key = StorageKeys.file(c, recordId, filename);
        Resource original = storage.find(key).orElseThrow(ApiException::notFound);
        String type = contentType(original, filename);
        Optional<ThumbSize> size = ThumbSize.parse(thumb);
        boolean allowed = thumb != null && (thumb.equals(DEFAULT_THUMB) || field.thumbs().contains(thumb));
        if (!allowed || size.isEmpty() || !Thumbnails.FORMATS.containsKey(type)) {
            return new Served(original, filename, type);
        }
        String thumbKey = StorageKeys.thumb(c, recordId, filename, thumb);
        Optional<Resource> cached = storage.find(thumbKey);
        if (cached.isEmpty()) {
            Object lock = generating.computeIfAbsent(thumbKey, k -> new Object());
            synchronized (lock) {
                try {
                    cached = storage.find(thumbKey);
                    if (cached.isEmpty() && generate(original, type, size.get(), thumbKey)) {
                        cached = storage.find(thumbKey);
                    }
                } finally {
                    generating.remove(thumbKey, lock);
                }
            }
        }
        return cached.map(r -> new Served(r, thumb + "_" + filename, Thumbnails.thumbType(type)))
                .orElseGet(() -> new Served(original, filename, type));
    }

    private boolean generate(Resource original, String type, ThumbSize size, String thumbKey) {
        try (InputStream in = original.getInputStream()) {
            Optional<byte[]> bytes = Thumbnails.render(in, type, size);
            if (bytes.isEmpty()) {
                return false;
            }
            storage.write(thumbKey, new ByteArrayInputStream(bytes.get()), bytes.get().length);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not create thumbnail {}: {}", thumbKey, e.toString());
            return false;
        }
    }

    private static String contentType(Resource resource, String name) {
        try (InputStream in = resource.getInputStream()) {
            return MimeTypes.detect(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
