package dev.basalt.collections.internal;

import dev.basalt.collections.fields.Field;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.zip.CRC32;

/** Ids of fields and collections, in PocketBase's style. */
final class FieldIds {
    /** Digits in a generated field id suffix. */
    static final int RANDOM_DIGITS = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FieldIds() {
    }

    /** PocketBase's deterministic id: the type followed by the CRC-32 of the name, e.g. {@code text3208210256}. */
    static String checksumId(String type, String name) {
        return type + checksum(name);
    }

    /** The decimal CRC-32 of a text. */
    static String checksum(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue());
    }

    /** A new field id: the type followed by random digits, not used by any of the given fields. */
    static String randomId(String type, Collection<Field> taken) {
        while (true) {
            StringBuilder id = new StringBuilder(type);
            for (int i = 0; i < RANDOM_DIGITS; i++) {
                id.append(RANDOM.nextInt(10));
            }
            String candidate = id.toString();
            if (taken.stream().noneMatch(f -> candidate.equals(f.id()))) {
                return candidate;
            }
        }
    }
}
