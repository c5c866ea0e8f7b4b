package dev.basalt.auth;

import java.time.Clock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.records.RecordData;
import dev.basalt.records.RecordJson;
import dev.basalt.records.RecordReads;
import dev.basalt.shared.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Short-lived tokens for downloading protected files ({@code POST /api/files/token}), as PocketBase's file tokens:
 * HS256 JWTs with {@code id}, {@code collectionId} and {@code type=file}, valid for the caller's collection's
 * {@code fileToken.duration} (default {@link #TOKEN_SECONDS}). The key
 * is derived like the auth tokens' (the record's {@code tokenKey} and the application secret) but with its own
 * purpose label, so a file token never passes as an auth token and rotating the tokenKey revokes both.
 */
@Component
public class FileTokens {
    /** PocketBase's default file token lifetime (3 minutes); each auth collection's {@code fileToken.duration} rules. */
    public static final long TOKEN_SECONDS = 180;
    private static final String TYPE = "file";

    private final TokenSecret secret;
    private final CollectionRegistry collections;
    private final RecordReads store;
    private final Clock clock;

    FileTokens(TokenSecret secret, CollectionRegistry collections, RecordReads store, Clock clock) {
        this.clock = clock;
        this.secret = secret;
        this.collections = collections;
        this.store = store;
    }

    /** A new file token for the signed-in caller; 401 when the caller is anonymous. */
    public String issue(Caller caller) {
        if (caller.anonymous()) {
            throw AuthErrors.AUTH_CONTEXT_MISSING.exception();
        }
        Collection collection = collections.find(caller.collectionId())
                .orElseThrow(AuthErrors.AUTH_CONTEXT_MISSING::exception);
        Map<String, Object> row = store.findById(collection, caller.id())
                .orElseThrow(AuthErrors.AUTH_CONTEXT_MISSING::exception);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("id", caller.id())
                .claim("collectionId", collection.id())
                .claim("type", TYPE)
                .expirationTime(new Date(clock.millis() + lifetimeSeconds(collection) * 1000))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new MACSigner(key(String.valueOf(row.get("tokenKey")))));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign file token", e);
        }
    }

    private static long lifetimeSeconds(Collection collection) {
        return collection.authOptions() == null ? TOKEN_SECONDS : collection.authOptions().fileToken().duration();
    }

    /** The caller a valid, unexpired file token names; anonymous for anything else. */
    public Caller verify(String token) {
        if (token == null || token.isBlank()) {
            return Caller.ANONYMOUS;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !TYPE.equals(claims.getClaim("type"))
                    || !(claims.getClaim("id") instanceof String id)
                    || !(claims.getClaim("collectionId") instanceof String collectionId)) {
                return Caller.ANONYMOUS;
            }
            Date exp = claims.getExpirationTime();
            if (exp == null || exp.getTime() <= clock.millis()) {
                return Caller.ANONYMOUS;
            }
            Optional<Collection> collection = collections.find(collectionId).filter(Collection::isAuth);
            if (collection.isEmpty()) {
                return Caller.ANONYMOUS;
            }
            Collection c = collection.get();
            Optional<Map<String, Object>> row = store.findById(c, id);
            if (row.isEmpty() || !jwt.verify(new MACVerifier(key(String.valueOf(row.get().get("tokenKey")))))) {
                return Caller.ANONYMOUS;
            }
            boolean superuser = c.name().equals(SuperuserCollection.NAME);
            return new Caller(id, c.id(), c.name(), superuser,
                    RecordJson.render(RecordData.of(c, row.get()), true, true));
        } catch (ParseException | JOSEException e) {
            return Caller.ANONYMOUS;
        }
    }

    private byte[] key(String tokenKey) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((tokenKey + "\n" + TYPE + "\n" + secret.get()).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
