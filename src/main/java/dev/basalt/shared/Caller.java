package dev.basalt.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who sent the current request: anonymous, a superuser, or a record of an auth collection. The auth module
 * sets it on the request; everything else reads it with {@link #of(HttpServletRequest)}.
 *
 * @param id             the auth record's id, or "" when anonymous
 * @param collectionId   the auth record's collection id, or ""
 * @param collectionName the auth record's collection name, or ""
 * @param superuser      true for records of {@code _superusers}
 * @param record         the auth record's fields as PocketBase's JSON would show them to its owner (for
 *                       {@code @request.auth.*}); empty when anonymous
 */
public record Caller(String id, String collectionId, String collectionName, boolean superuser,
                     Map<String, Object> record) {
    /** Request attribute under which the current caller is stored. */
    public static final String ATTRIBUTE = Caller.class.getName();
    /** The caller without credentials. */
    public static final Caller ANONYMOUS = new Caller("", "", "", false, Map.of());

    public Caller {
        // not Map.copyOf: an empty json or unset field of the auth record is a null value, which it refuses
        record = record == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(record));
    }

    /** The caller of this request (anonymous when the auth filter set none). */
    public static Caller of(HttpServletRequest request) {
        Object c = request.getAttribute(ATTRIBUTE);
        return c instanceof Caller caller ? caller : ANONYMOUS;
    }

    public boolean anonymous() {
        return id.isEmpty();
    }

    /** Throws 401/403 unless the caller is a superuser. */
    public void requireSuperuser() {
        if (anonymous()) {
            throw CommonErrors.AUTH_REQUIRED.exception();
        }
        if (!superuser) {
            throw CommonErrors.NOT_ALLOWED.exception();
        }
    }
}
