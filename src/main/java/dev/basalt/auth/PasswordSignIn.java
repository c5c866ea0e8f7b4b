package dev.basalt.auth;

import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.EmailField;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.PasswordField;
import dev.basalt.records.RecordData;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RecordTables;
import dev.basalt.shared.FieldError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.impl.DSL;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.stereotype.Component;

/**
 * {@code auth-with-password}: finds the record by one of the collection's identity fields (email fields compare
 * case-insensitively) and checks the password. When no record matches, a bcrypt check against a dummy hash of the
 * same cost still runs, so the answer takes the same time whether or not the identity exists.
 */
@Component
class PasswordSignIn {
    private final RecordReads store;
    private final Map<Integer, String> dummyHashes = new ConcurrentHashMap<>();

    PasswordSignIn(RecordReads store) {
        this.store = store;
    }

    /** The record whose identity and password match; 400 otherwise. */
    RecordData authenticate(Collection collection, String identity, String password, String identityField) {
        AuthOptions.PasswordAuth options = collection.authOptions().passwordAuth();
        if (!options.enabled()) {
            throw AuthErrors.PASSWORD_AUTH_DISABLED.exception();
        }
        if (identity == null || identity.isBlank() || password == null || password.isEmpty()) {
            throw AuthErrors.SIGN_IN_FAILED.exception(Map.of(
                    identity == null || identity.isBlank() ? "identity" : "password",
                    FieldError.required()));
        }
        List<String> fields = identityField == null || identityField.isBlank() ? options.identityFields()
                : options.identityFields().stream().filter(identityField::equals).toList();
        if (fields.isEmpty()) {
            throw AuthErrors.SIGN_IN_FAILED.exception(Map.of("identityField",
                    new FieldError("validation_in_invalid", "Must be one of the collection's identity fields.")));
        }
        Optional<RecordData> row = Optional.empty();
        for (String name : fields) {
            Field field = collection.field(name).orElse(null);
            if (field != null && row.isEmpty()) {
                row = find(collection, field, identity.trim());
            }
        }
        PasswordField passwordField = (PasswordField) collection.field("password").orElseThrow();
        String hash = row.map(r -> r.text("password")).orElseGet(() -> dummyHash(passwordField.cost()));
        boolean matches = PasswordField.matches(password, hash);
        if (row.isEmpty() || !matches) {
            throw AuthErrors.SIGN_IN_FAILED.exception();
        }
        return row.get();
    }

    private Optional<RecordData> find(Collection collection, Field field, String identity) {
        var column = RecordTables.column(collection, field);
        if (field instanceof EmailField) {
            return store.findWhere(collection, DSL.lower(column.cast(String.class)).eq(DSL.lower(DSL.val(identity))));
        }
        return store.findWhere(collection, column.cast(String.class).eq(identity));
    }

    private String dummyHash(int cost) {
        int rounds = cost >= 4 && cost <= 31 ? cost : PasswordField.DEFAULT_COST;
        return dummyHashes.computeIfAbsent(rounds, r -> BCrypt.hashpw("dummy-password", BCrypt.gensalt(r)));
    }
}
