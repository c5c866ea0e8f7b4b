package dev.basalt.auth;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.collections.fields.PasswordField;
import dev.basalt.records.FieldSelection;
import dev.basalt.records.RecordJson;
import dev.basalt.records.RecordStore;
import dev.basalt.records.RecordTables;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/** Signs records of auth collections in with a password, refreshes tokens and resolves a token to its Caller. */
@Service
class AuthService {
    /** A bcrypt hash of a random password, checked when an identity is unknown. */
    private static final String UNKNOWN_IDENTITY_HASH = org.springframework.security.crypto.bcrypt.BCrypt.hashpw(
            java.util.UUID.randomUUID().toString(), org.springframework.security.crypto.bcrypt.BCrypt.gensalt(10));
    private final CollectionRegistry collections;
    private final RecordStore store;
    private final AuthTokens tokens;

    AuthService(CollectionRegistry collections, RecordStore store, AuthTokens tokens) {
        this.collections = collections;
        this.store = store;
        this.tokens = tokens;
    }

    /** The caller a token belongs to, if the token is valid. */
    Optional<Caller> authenticate(String token) {
        Optional<AuthTokens.Subject> subject = tokens.peek(token);
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        Optional<Collection> collection = collections.find(subject.get().collectionId()).filter(Collection::isAuth);
        if (collection.isEmpty()) {
            return Optional.empty();
        }
        Collection c = collection.get();
        return store.findById(c, subject.get().id())
                .filter(row -> tokens.verify(token, String.valueOf(row.get("tokenKey"))))
                .map(row -> toCaller(c, row));
    }

    /** {@code auth-with-password}: the token and record, or 400 when identity or password is wrong. */
    Map<String, Object> withPassword(Collection collection, String identity, String password) {
        requireAuth(collection);
        if (identity == null || identity.isBlank() || password == null || password.isEmpty()) {
            throw ApiException.badRequest("Failed to authenticate.");
        }
        var email = RecordTables.column(collection, collection.field("email").orElseThrow());
        Optional<Map<String, Object>> found = store.findWhere(collection,
                DSL.lower(email.cast(String.class)).eq(DSL.lower(DSL.val(identity.trim()))), false);
        // Compare against a real hash even when nobody has this identity, so timing does not reveal accounts.
        String hash = found.map(r -> String.valueOf(r.get("password"))).orElse(UNKNOWN_IDENTITY_HASH);
        boolean matches = PasswordField.matches(password, hash);
        if (found.isEmpty() || !matches) {
            throw ApiException.badRequest("Failed to authenticate.");
        }
        return authResponse(collection, found.get());
    }

    /** {@code auth-refresh}: a fresh token for the caller's own record. */
    Map<String, Object> refresh(Collection collection, Caller caller) {
        requireAuth(collection);
        if (caller.anonymous() || !caller.collectionId().equals(collection.id())) {
            throw ApiException.unauthorized("The request requires valid record authorization token.");
        }
        Map<String, Object> row = store.findById(collection, caller.id())
                .orElseThrow(() -> ApiException.unauthorized("The request requires valid record authorization token."));
        return authResponse(collection, row);
    }

    private Map<String, Object> authResponse(Collection collection, Map<String, Object> row) {
        String token = tokens.issue((String) row.get("id"), collection.id(), String.valueOf(row.get("tokenKey")),
                SuperuserCollection.TOKEN_SECONDS);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", token);
        out.put("record", RecordJson.render(collection, row, isSuperusers(collection), FieldSelection.ALL));
        return out;
    }

    private static void requireAuth(Collection collection) {
        if (!collection.isAuth()) {
            throw ApiException.badRequest("The collection is not an auth collection.");
        }
    }

    private static boolean isSuperusers(Collection collection) {
        return collection.name().equals(SuperuserCollection.NAME);
    }

    private static Caller toCaller(Collection collection, Map<String, Object> row) {
        Map<String, Object> visible = RecordJson.render(collection, row, true, FieldSelection.ALL);
        return new Caller((String) row.get("id"), collection.id(), collection.name(), isSuperusers(collection), visible);
    }
}
