package dev.basalt.auth;

import dev.basalt.collections.Collection;
import dev.basalt.records.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Runs an auth endpoint's work through the {@link AuthRequestInterceptor} (when a hook is bound) with its body. */
@Component
class AuthRequests {
    private final ObjectProvider<AuthRequestInterceptor> interceptor;
    private final RequestBodies bodies;

    AuthRequests(ObjectProvider<AuthRequestInterceptor> interceptor, RequestBodies bodies) {
        this.interceptor = interceptor;
        this.bodies = bodies;
    }

    /**
     * Reads the request's body and answers with {@code work}'s result for it (as a hook may have changed it); 204
     * when the result is null.
     */
    ResponseEntity<Object> run(AuthRequestInterceptor.Kind kind, HttpServletRequest request, Collection c,
                               Function<Map<String, Object>, Object> work) {
        Map<String, Object> body = new LinkedHashMap<>(bodies.read(request));
        AuthRequestInterceptor hooks = interceptor.getIfAvailable();
        if (hooks == null || !hooks.active()) {
            return answer(work.apply(body));
        }
        ResponseEntity<Object> answer = hooks.around(kind, request, c, body, () -> answer(work.apply(body)));
        return answer != null ? answer : ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Object> answer(Object result) {
        return result == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(result);
    }
}
