package dev.basalt.hooks;

import dev.basalt.auth.AuthRequestInterceptor.Kind;
import dev.basalt.collections.Collection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;

/**
 * A call of an auth endpoint ({@code onRecordAuthWithPasswordRequest}, {@code onRecordAuthWithOAuth2Request},
 * {@code onRecordAuthRefreshRequest}, {@code onRecordAuthWithOTPRequest}, {@code onRecordCreateOTPRequest}): the auth
 * collection and the submitted {@link #body()} (e.g. {@code identity}, {@code password}), changeable before
 * {@link #next()}, which handles the call with it; else the handler answers. Unlike PocketBase's events it carries
 * no record: the endpoint looks it up in {@code next()}.
 */
public final class RecordAuthEndpointEvent extends RequestEvent {
    private final Kind kind;
    private final Collection collection;
    private final Map<String, Object> body;

    public RecordAuthEndpointEvent(Kind kind, HttpServletRequest request, Collection collection,
                                   Map<String, Object> body) {
        super(request, Map.of());
        this.kind = kind;
        this.collection = collection;
        this.body = body;
    }

    /** Which endpoint. */
    public Kind kind() {
        return kind;
    }

    /** The auth collection. */
    public Collection collection() {
        return collection;
    }

    /** The submitted values the endpoint will use (mutable). */
    @Override
    public Map<String, Object> body() {
        return body;
    }

    @Override
    public Set<String> tags() {
        return Set.of(collection.id(), collection.name());
    }
}
