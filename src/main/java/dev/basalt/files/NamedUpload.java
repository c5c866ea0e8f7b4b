package dev.basalt.files;

import dev.basalt.files.internal.UploadNames;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * An upload that already carries the name it is stored under: PocketBase's {@code filesystem.File}, whose
 * {@code name} is chosen when the file is made (by the JS hooks' {@code $filesystem} and
 * {@code e.findUploadedFiles}), so that what hook code reads is what the record gets. The record write keeps that
 * name when it is a {@link #VALID} one, and generates one as for any upload otherwise.
 */
public interface NamedUpload {
    /** Names kept as given: the characters of generated names, not starting with a dot, at most 255. */
    Pattern VALID = Pattern.compile("^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,254}$");

    /** The name the file is stored under. */
    String storedName();

    /**
     * PocketBase's stored name for a file named {@code original}: the name in snake case, {@code _}, 10 random
     * characters and the extension (from the content's type when the name has none), e.g. {@code a_52iwbgds7l.txt}.
     */
    static String generate(String original, InputStream content) {
        return UploadNames.forContent(original, content);
    }
}
