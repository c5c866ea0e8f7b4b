package dev.basalt.apidocs.internal;

import dev.basalt.shared.Caller;

/**
 * Whom a document is for. A guest sees what a rule could let a guest reach, a signed-in user what it could let some
 * signed-in record reach, a superuser everything. Rules are judged by their text, not per record: {@code null} is
 * superusers only, {@code ""} everyone, and an expression that names {@code @request.auth} needs a signed-in
 * caller (for a guest it compares against empty values, which is how such rules keep guests out).
 */
enum Audience {
    GUEST, USER, SUPERUSER;

    private static final String AUTH_REFERENCE = "@request.auth";

    static Audience of(Caller caller) {
        return caller.superuser() ? SUPERUSER : caller.anonymous() ? GUEST : USER;
    }

    /** True when a caller of this audience could pass the rule for some record. */
    boolean reaches(String rule) {
        if (this == SUPERUSER) {
            return true;
        }
        if (rule == null) {
            return false;
        }
        return this == USER || rule.isBlank() || !rule.contains(AUTH_REFERENCE);
    }

    boolean signedIn() {
        return this != GUEST;
    }
}
