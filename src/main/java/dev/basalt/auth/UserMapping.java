package dev.basalt.auth;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a provider's user-info JSON keeps PocketBase's {@code AuthUser} values, as JSON pointers
 * ({@code /data/viewer/id}, {@code /images/0/url}); null when the provider has no such value.
 *
 * @param verified   pointer to the flag that vouches for the email; null when the provider only ever reports
 *                   verified emails (PocketBase treats those as verified whenever they are present)
 * @param active     pointer to an account-state value that must equal {@code activeValue} (PocketBase refuses
 *                   inactive accounts); null when not checked
 */
record UserMapping(String id, String name, String username, String email, String avatar, String verified,
                   String active, Object activeValue) {

    /** The usual five values; the email is trusted as verified. */
    static UserMapping of(String id, String name, String username, String email, String avatar) {
        return new UserMapping(id, name, username, email, avatar, null, null, null);
    }

    /** The email counts as verified only when this pointer holds a true-ish value. */
    UserMapping verifiedBy(String pointer) {
        return new UserMapping(id, name, username, email, avatar, pointer, active, activeValue);
    }

    /** The account must be active: the value at this pointer equals {@code value}. */
    UserMapping activeWhen(String pointer, Object value) {
        return new UserMapping(id, name, username, email, avatar, verified, pointer, value);
    }

    /** The values of a raw user, before a provider's own adjustments. */
    UserDraft apply(Map<String, Object> raw) {
        UserDraft u = new UserDraft();
        u.id = text(raw, id);
        u.name = text(raw, name);
        u.username = text(raw, username);
        u.email = text(raw, email);
        u.avatarURL = text(raw, avatar);
        u.emailVerified = !u.email.isEmpty() && (verified == null || truthy(at(raw, verified)));
        u.active = active == null || sameValue(at(raw, active), activeValue);
        return u;
    }

    /** The value at a JSON pointer (RFC 6901 without escapes), or null. */
    static Object at(Object json, String pointer) {
        if (pointer == null) {
            return null;
        }
        Object node = json;
        for (String part : pointer.substring(1).split("/")) {
            if (node instanceof Map<?, ?> m) {
                node = m.get(part);
            } else if (node instanceof List<?> list && part.matches("\\d{1,6}")) {
                int i = Integer.parseInt(part);
                node = i < list.size() ? list.get(i) : null;
            } else {
                return null;
            }
        }
        return node;
    }

    /** The value at a pointer as text: integral numbers without a fraction (ids), objects as empty text. */
    static String text(Object json, String pointer) {
        Object v = at(json, pointer);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return String.valueOf(n.longValue());
        }
        return v instanceof String || v instanceof Number || v instanceof Boolean ? String.valueOf(v).trim() : "";
    }

    /** PocketBase's {@code cast.ToBool}: providers send {@code true}, {@code "true"} or {@code 1}. */
    static boolean truthy(Object v) {
        return switch (v) {
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            case String s -> s.equals("1") || s.equalsIgnoreCase("t") || s.equalsIgnoreCase("true");
            case null, default -> false;
        };
    }

    private static boolean sameValue(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number e) {
            return a.doubleValue() == e.doubleValue();
        }
        return Objects.equals(actual, expected);
    }
}
