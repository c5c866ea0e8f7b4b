package dev.basalt.files.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypeException;

/**
 * MIME types of file content (Apache Tika): detected from the bytes; the file name only refines plain text (e.g.
 * {@code .json}, {@code .csv}), so a renamed binary never passes as an image.
 */
final class MimeTypes {
    private static final Tika TIKA = new Tika();
    private static final org.apache.tika.mime.MimeTypes TYPES = org.apache.tika.mime.MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();

    private MimeTypes() {
    }

    /** The type of the content, e.g. {@code image/png}; {@code application/octet-stream} when unknown. */
    static String detect(InputStream content, String name) {
        try (InputStream in = new BufferedInputStream(content)) {
            MediaType byContent = MediaType.parse(TIKA.detect(in));
            if (byContent != null && byContent.equals(MediaType.TEXT_PLAIN) && name != null && !name.isBlank()) {
                MediaType byName = MediaType.parse(TIKA.detect(name));
                if (byName != null && REGISTRY.isSpecializationOf(byName, MediaType.TEXT_PLAIN)) {
                    return byName.toString();
                }
            }
            return byContent == null ? MediaType.OCTET_STREAM.toString() : byContent.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when {@code type} is one of {@code allowed}, an alias of one, or a specialisation of one (e.g. a CSV
     * for {@code text/plain}); {@code application/octet-stream} allows only content of unknown type.
     */
    static boolean allowed(String type, List<String> allowed) {
        MediaType detected = REGISTRY.normalize(MediaType.parse(type));
        for (String a : allowed) {
            MediaType candidate = MediaType.parse(a.trim().toLowerCase());
            if (candidate == null) {
                continue;
            }
            candidate = REGISTRY.normalize(candidate);
            if (candidate.equals(detected)
                    || (!candidate.equals(MediaType.OCTET_STREAM) && REGISTRY.isSpecializationOf(detected, candidate))) {
                return true;
            }
        }
        return false;
    }

    /** The usual extension of a type with its dot (e.g. {@code .png}), or "" when there is none. */
    static String extension(String type) {
        try {
            return TYPES.forName(type).getExtension();
        } catch (MimeTypeException e) {
            return "";
        }
    }
}
