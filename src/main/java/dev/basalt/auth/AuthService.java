package dev.basalt.auth;

import dev.basalt.records.RequestInfos;
import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.query.RequestInfo;
import dev.basalt.records.RecordData;
import dev.basalt.records.RecordJson;
import dev.basalt.records.RecordReads;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Resolves tokens to callers and answers sign-ins: every sign-in starts a session and returns PocketBase's
 * {@code {token, record}} plus Basalt's {@code refreshToken}; refreshes keep the session.
 */
@Service
class AuthService {
    /** Id prefix of the caller an unbound API key acts as. */
    static final String API_KEY_CALLER_PREFIX = "apikey:";
    private final CollectionRegistry collections;
    private final RecordReads store;
    private final AuthTokens tokens;
    private final Sessions sessions;
    private final ApiKeys apiKeys;
    private final AuthRuleCheck authRule;
    private final MultiFactor multiFactor;
    private final AuthAlerts alerts;

    /** A valid API key and the caller it acts as. */
    record KeyCaller(ApiKeys.ApiKey key, Caller caller) {
    }

    /** A verified token: who it names, its session and whether it may be refreshed. */
    record Authenticated(Caller caller, String sessionId, boolean refreshable) {
    }

    AuthService(CollectionRegistry collections, RecordReads store, AuthTokens tokens, Sessions sessions,
                ApiKeys apiKeys, AuthRuleCheck authRule, MultiFactor multiFactor, AuthAlerts alerts) {
        this.alerts = alerts;
        this.apiKeys = apiKeys;
        this.authRule = authRule;
        this.multiFactor = multiFactor;
        this.collections = collections;
        this.store = store;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** The caller a token belongs to, if the token is valid and its session not revoked. */
    Optional<Authenticated> authenticate(String token) {
        Optional<AuthTokens.Subject> subject = tokens.peek(token);
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        AuthTokens.Subject s = subject.get();
        Optional<Collection> collection = collections.find(s.collectionId()).filter(Collection::isAuth);
        if (collection.isEmpty()) {
            return Optional.empty();
        }
        Collection c = collection.get();
        // one statement: the record (its tokenKey ends tokens after a password change) only while the session lives
        return store.findById(c, s.id(), Sessions.ACTIVE, s.sessionId())
                .filter(row -> tokens.verify(token, row.text("tokenKey")))
                .map(row -> new Authenticated(toCaller(c, row), s.sessionId(), s.refreshable()));
    }

    /**
     * The caller an API key acts as: its bound auth record (rules see that identity), or, unbound, a caller
     * with superuser rights; either way confined to the key's scopes by {@link ApiKeyInterceptor}.
     */
    Optional<KeyCaller> authenticateApiKey(String secret) {
        Optional<ApiKeys.ApiKey> key = apiKeys.authenticate(secret);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        ApiKeys.ApiKey k = key.get();
        if (k.recordId() == null) {
            return Optional.of(new KeyCaller(k, new Caller(API_KEY_CALLER_PREFIX + k.id(), "", "", true, Map.of())));
        }
        return collections.find(k.collectionId()).filter(Collection::isAuth)
                .flatMap(c -> store.findById(c, k.recordId()).map(row -> toCaller(c, row)))
                .map(caller -> new KeyCaller(k, caller));
    }

    /**
     * Starts a sign-in session for a record that passed a sign-in method ({@code password} or {@code otp}):
     * checks the collection's authRule, then multi-factor auth ({@code mfaId} from the request, may be null).
     */
    Map<String, Object> signIn(Collection collection, RecordData row, HttpServletRequest request,
                               String method, String mfaId) {
        RequestInfo info = RequestInfos.of(request);
        authRule.require(collection, row.id(),
                RequestInfo.CONTEXTS.contains(method) ? info.withContext(method) : info);
        multiFactor.check(collection, row.id(), method, mfaId);
        String userAgent = request.getHeader("User-Agent");
        alerts.signedIn(collection, row, request.getRemoteAddr(), userAgent);
        AuthOptions options = collection.authOptions();
        Sessions.Started started = sessions.start(collection.id(), row.id(), tokenKey(row),
                Sessions.Kind.SIGNIN, userAgent, options.refreshToken());
        Map<String, Object> out = response(collection, row, started.sessionId(), options.authToken().duration(), true);
        out.put("refreshToken", started.refreshToken());
        return out;
    }

    /** {@code auth-refresh} with a valid access token (PocketBase's behaviour): a new token, same session. */
    Map<String, Object> refresh(Collection collection, Authenticated auth) {
        Caller caller = auth == null ? Caller.ANONYMOUS : auth.caller();
        if (caller.anonymous() || !caller.collectionId().equals(collection.id())) {
            throw AuthErrors.TOKEN_INVALID.exception();
        }
        if (!auth.refreshable()) {
            throw AuthErrors.TOKEN_NOT_REFRESHABLE.exception();
        }
        RecordData row = store.findById(collection, caller.id())
                .orElseThrow(AuthErrors.TOKEN_INVALID::exception);
        sessions.touch(auth.sessionId(), collection.authOptions().refreshToken().inactivity());
        return response(collection, row, auth.sessionId(), collection.authOptions().authToken().duration(), true);
    }

    /** {@code auth-refresh} with {@code refreshToken}: rotates it (see {@link Sessions#rotate}). */
    Map<String, Object> rotate(Collection collection, String refreshToken) {
        Sessions.Rotated rotated;
        try {
            rotated = sessions.rotate(refreshToken,
                    id -> collections.find(id).filter(Collection::isAuth).map(c -> c.authOptions().refreshToken()),
                    session -> collections.find(session.collectionId())
                            .flatMap(c -> store.findById(c, session.recordId()))
                            .map(row -> TokenHashes.sha256(tokenKey(row)).equals(session.keyFingerprint()))
                            .orElse(false));
        } catch (Sessions.RefreshRefused e) {
            throw AuthErrors.REFRESH_TOKEN_INVALID.exception();
        }
        Sessions.Session session = rotated.session();
        if (!session.collectionId().equals(collection.id())) {
            sessions.revoke(session.id(), "wrong collection");
            throw AuthErrors.REFRESH_TOKEN_INVALID.exception();
        }
        RecordData row = store.findById(collection, session.recordId())
                .orElseThrow(AuthErrors.REFRESH_TOKEN_INVALID::exception);
        Map<String, Object> out = response(collection, row, session.id(),
                collection.authOptions().refreshToken().accessDuration(), true);
        out.put("refreshToken", rotated.refreshToken());
        return out;
    }

    /** Ends the session of a refresh token (spent or not); false when the token is unknown here. */
    boolean logoutByRefreshToken(Collection collection, String refreshToken) {
        Optional<Sessions.Session> session = sessions.findByRefreshToken(refreshToken)
                .filter(s -> s.collectionId().equals(collection.id()));
        session.ifPresent(s -> sessions.revoke(s.id(), "logout"));
        return session.isPresent();
    }

    /** A non-refreshable token for a record, in a session of its own (superuser impersonation). */
    Map<String, Object> impersonate(Collection collection, String recordId, long seconds, String userAgent) {
        RecordData row = store.findById(collection, recordId).orElseThrow(ApiException::notFound);
        long duration = seconds > 0 ? seconds : collection.authOptions().authToken().duration();
        Sessions.Started started = sessions.start(collection.id(), recordId, tokenKey(row), Sessions.Kind.IMPERSONATION,
                userAgent, new AuthOptions.RefreshToken(duration, duration, duration));
        return response(collection, row, started.sessionId(), duration, false);
    }

    private Map<String, Object> response(Collection collection, RecordData row, String sessionId,
                                         long seconds, boolean refreshable) {
        String token = tokens.issue(row.id(), collection.id(), tokenKey(row), seconds, sessionId,
                refreshable);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", token);
        out.put("record", RecordJson.render(row, isSuperusers(collection), true));
        return out;
    }

    private static String tokenKey(RecordData row) {
        return row.text("tokenKey");
    }

    static boolean isSuperusers(Collection collection) {
        return collection.name().equals(SuperuserCollection.NAME);
    }

    static Caller toCaller(Collection collection, RecordData row) {
        Map<String, Object> visible = RecordJson.render(row, true, true);
        return new Caller(row.id(), collection.id(), collection.name(), isSuperusers(collection), visible);
    }
}
