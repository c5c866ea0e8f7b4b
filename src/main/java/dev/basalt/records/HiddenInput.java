package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;

/**
 * Drops hidden fields from the bodies of non-superusers, as PocketBase does: a hidden field is managed by
 * superusers (and server code) only, so a client write that names it, directly or through a {@code +}/{@code -}
 * modifier, leaves it untouched instead of storing the client's value. Password fields are the exception: Basalt
 * marks every password field hidden (its value is never shown), yet clients set their own passwords, as PocketBase
 * allows for the auth {@code password} field and for password fields that are not hidden.
 */
final class HiddenInput {
    private static final String PASSWORD_TYPE = "password";

    private HiddenInput() {
    }

    /** {@code body} without the keys that write a hidden field, unless the caller is a superuser. */
    static RecordInput strip(Collection collection, RecordInput body, boolean superuser) {
        if (superuser || collection.fields().stream().noneMatch(Field::hidden)) {
            return body;
        }
        return body.without(key -> writesHidden(collection, key));
    }

    private static boolean writesHidden(Collection collection, String key) {
        return collection.field(baseName(key))
                .map(f -> f.hidden() && !f.type().equals(PASSWORD_TYPE)).orElse(false);
    }

    /** The field a body key writes: {@code tags+}, {@code +tags} and {@code tags-} all write {@code tags}. */
    private static String baseName(String key) {
        if (key.startsWith("+")) {
            return key.substring(1);
        }
        if (key.endsWith("+") || key.endsWith("-")) {
            return key.substring(0, key.length() - 1);
        }
        return key;
    }
}
