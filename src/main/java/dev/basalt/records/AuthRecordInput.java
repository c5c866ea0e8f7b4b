package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.PatternGenerator;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.FieldError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The extra input rules of auth collections: {@code passwordConfirm} must match {@code password}, and a new
 * password gets a new {@code tokenKey}, which invalidates every token issued before.
 */
final class AuthRecordInput {
    /** Pattern of generated token keys. */
    static final String TOKEN_KEY_PATTERN = "[a-zA-Z0-9]{50}";

    private AuthRecordInput() {
    }

    static Map<String, Object> prepare(Collection collection, Map<String, Object> body, Map<String, Object> current) {
        if (!collection.isAuth()) {
            return body;
        }
        Map<String, Object> input = new LinkedHashMap<>(body);
        input.remove("tokenKey");
        Object confirm = input.remove("passwordConfirm");
        if (input.containsKey("password")) {
            String password = String.valueOf(input.get("password"));
            if (confirm == null || !password.equals(String.valueOf(confirm))) {
                String message = current == null ? "Failed to create record." : "Failed to update record.";
                throw ApiException.badRequest(message,
                        Map.of("passwordConfirm", new FieldError("validation_values_mismatch", "Values don't match.")));
            }
            input.put("tokenKey", PatternGenerator.generate(TOKEN_KEY_PATTERN));
        }
        return input;
    }
}
