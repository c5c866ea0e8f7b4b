package dev.basalt.files.internal;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * PocketBase-style stored names: the original name in snake case (at most {@link #MAX_BASE_LENGTH} characters,
 * padded with random characters when shorter than 3), {@code _}, {@link #SUFFIX_LENGTH} random characters, and
 * the cleaned lower-case extension (from the content's type when the name has none), e.g.
 * {@code my_photo_52iwbgds7l.png}.
 */
public final class UploadNames {
    /** Random characters appended to every name. */
    static final int SUFFIX_LENGTH = 10;
    /** Longest kept part of the original name. */
    static final int MAX_BASE_LENGTH = 100;
    /** Longest kept extension (without the dot). */
    static final int MAX_EXTENSION_LENGTH = 20;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private UploadNames() {
    }

    /** The stored name of a file named {@code original} with this content (for {@code files.NamedUpload}). */
    public static String forContent(String original, java.io.InputStream content) {
        return generate(original, MimeTypes.detect(content, original == null ? "" : original));
    }

    static String generate(String original, String mimeType) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot + 1) : "";
        String base = dot > 0 ? name.substring(0, dot) : name;
        ext = ext.replaceAll("[^A-Za-z0-9]+", "").toLowerCase(Locale.ROOT);
        if (ext.isEmpty()) {
            String known = MimeTypes.extension(mimeType);
            ext = known.startsWith(".") ? known.substring(1) : "";
        }
        if (ext.length() > MAX_EXTENSION_LENGTH) {
            ext = ext.substring(ext.length() - MAX_EXTENSION_LENGTH);
        }
        String snake = snakeCase(base);
        if (snake.length() < 3) {
            snake += random(SUFFIX_LENGTH);
        } else if (snake.length() > MAX_BASE_LENGTH) {
            snake = snake.substring(0, MAX_BASE_LENGTH);
        }
        return snake + "_" + random(SUFFIX_LENGTH) + (ext.isEmpty() ? "" : "." + ext);
    }

    /** Words of ASCII letters and digits, lower case, joined by {@code _}; camelCase humps become words. */
    static String snakeCase(String text) {
        String spaced = text.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        StringBuilder out = new StringBuilder();
        for (String word : spaced.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append('_');
                }
                out.append(word.toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    static String random(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
