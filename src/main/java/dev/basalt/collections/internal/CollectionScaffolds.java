package dev.basalt.collections.internal;

import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionJson;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PocketBase's collection scaffolds ({@code GET /api/collections/meta/scaffolds}): a blank collection of each
 * type with its system fields, indexes, default rules and (auth) options, id and name empty. Built from the
 * same defaults a create applies, so a scaffold posted back with a name creates that collection. As in
 * PocketBase, {@code created}/{@code updated} autodate fields are not part of it (the client adds them; a
 * create adds them when missing); auth scaffolds carry Basalt's {@code roles} system field.
 */
final class CollectionScaffolds {
    /** Letters of the random suffix of the scaffold's index names (PocketBase's default id alphabet). */
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** Length of that suffix, as PocketBase's. */
    private static final int SUFFIX_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CollectionScaffolds() {
    }

    /** The scaffolds keyed by type: {@code auth}, {@code base}, {@code view}. */
    static Map<String, Object> all() {
        // one suffix for all three, as PocketBase: index names differ by their column anyway
        String suffix = randomSuffix();
        Map<String, Object> json = new LinkedHashMap<>();
        for (String type : List.of(Collection.AUTH, Collection.BASE, Collection.VIEW)) {
            json.put(type, scaffold(type, suffix));
        }
        return json;
    }

    private static Map<String, Object> scaffold(String type, String suffix) {
        CollectionBuilder b = new CollectionBuilder();
        b.id = suffix;
        b.name = "";
        b.type = type;
        if (Collection.AUTH.equals(type)) {
            b.authOptions = AuthOptions.defaults();
        }
        if (!Collection.VIEW.equals(type)) {
            CollectionDefaults.applySystem(b, null);
            CollectionDefaults.moveIdFirst(b);
        }
        b.id = "";
        return CollectionJson.toJson(b.build());
    }

    private static String randomSuffix() {
        StringBuilder s = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
