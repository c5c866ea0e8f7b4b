package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Casts;
import dev.basalt.collections.fields.PasswordField;
import dev.basalt.collections.fields.PatternGenerator;
import dev.basalt.shared.ValidationErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The extra input rules of auth collections, as PocketBase's: {@code passwordConfirm} must match
 * {@code password}; a caller without manage access must give the right {@code oldPassword} to change a password
 * and cannot change {@code email} or {@code verified} directly; a new password gets a new {@code tokenKey},
 * which invalidates every token issued before. {@code tokenKey} itself is never taken from a body.
 */
final class AuthRecordInput {
    /** Pattern of generated token keys. */
    static final String TOKEN_KEY_PATTERN = "[a-zA-Z0-9]{50}";

    private AuthRecordInput() {
    }

    /**
     * The body to apply, or a 400 naming the offending keys.
     *
     * @param current the stored record on update, null on create
     * @param manager true when the caller manages the record (superuser or manageRule); on create the caller's
     *                right to set {@code verified} is checked separately
     */
    static RecordInput prepare(Collection collection, RecordInput body, RecordData current, boolean manager) {
        if (!collection.isAuth()) {
            return body;
        }
        Map<String, Object> input = new LinkedHashMap<>(body.asJson());
        input.remove("tokenKey");
        Object confirm = input.remove("passwordConfirm");
        Object oldPassword = input.remove("oldPassword");
        ValidationErrors errors = new ValidationErrors();
        boolean updating = current != null;
        if (input.containsKey("password")) {
            // cast as PocketBase's form does: a number 12345678 is the password "12345678"
            String password = Casts.text(input.get("password"));
            if (confirm == null || !password.equals(Casts.text(confirm))) {
                errors.add("passwordConfirm", "validation_values_mismatch", "Values don't match.");
            }
            if (updating && !manager && (oldPassword == null
                    || !PasswordField.matches(Casts.text(oldPassword), current.text("password")))) {
                errors.add("oldPassword", "validation_invalid_old_password", "Missing or invalid old password.");
            }
            input.put("tokenKey", PatternGenerator.generate(TOKEN_KEY_PATTERN));
        }
        if (updating && !manager) {
            if (input.containsKey("email") && !Casts.text(input.get("email")).trim()
                    .equalsIgnoreCase(current.text("email"))) {
                errors.add("email", "validation_values_mismatch",
                        "The email can be changed only by a manager or through request-email-change.");
            }
            if (input.containsKey("verified") && !Objects.equals(Casts.bool(input.get("verified")), current.get("verified"))) {
                errors.add("verified", "validation_values_mismatch", "The verified state can be changed only by a manager.");
            }
        }
        errors.throwIfAny(updating ? RecordErrors.UPDATE_FAILED : RecordErrors.CREATE_FAILED);
        return RecordInput.of(input);
    }

    /** True when a create body asks for a verified record (which needs manage access). */
    static boolean requestsVerified(Collection collection, RecordInput body) {
        return collection.isAuth() && Casts.bool(body.get("verified"));
    }
}
