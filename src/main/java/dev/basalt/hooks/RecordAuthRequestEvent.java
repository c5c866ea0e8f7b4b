package dev.basalt.hooks;

import dev.basalt.collections.Collection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;

/**
 * A successful sign-in or token refresh about to be answered (PocketBase's {@code RecordAuthRequestEvent}):
 * {@link #next()} sends the usual answer ({@code {token, record, meta?}}); a handler may change {@link #answer()} or
 * throw to refuse the sign-in.
 */
public final class RecordAuthRequestEvent extends RequestEvent {
    private final Collection collection;
    private final String authMethod;
    private final Map<String, Object> answer;

    /** {@code answer} is the response body, mutable. */
    public RecordAuthRequestEvent(HttpServletRequest request, Collection collection, String authMethod,
                                  Map<String, Object> answer) {
        super(request, Map.of());
        this.collection = collection;
        this.authMethod = authMethod;
        this.answer = answer;
    }

    /** The auth collection. */
    public Collection collection() {
        return collection;
    }

    /** {@code password}, {@code otp}, {@code oauth2}, {@code refresh} or {@code impersonate}... */
    public String authMethod() {
        return authMethod;
    }

    /** The answer's body ({@code token}, {@code record}, {@code meta}), mutable. */
    public Map<String, Object> answer() {
        return answer;
    }

    /** The signed-in record as the answer shows it. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> record() {
        return answer.get("record") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The issued token. */
    public String token() {
        return String.valueOf(answer.get("token"));
    }

    @Override
    public Set<String> tags() {
        return Set.of(collection.id(), collection.name());
    }
}
