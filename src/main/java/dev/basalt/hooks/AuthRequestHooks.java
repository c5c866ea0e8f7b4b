package dev.basalt.hooks;

import dev.basalt.auth.AuthRequestInterceptor;
import dev.basalt.collections.Collection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Runs the {@code onRecordAuthWith*Request}, {@code onRecordAuthRefreshRequest} and OTP request hooks. */
@Component
class AuthRequestHooks implements AuthRequestInterceptor {
    private final Hooks hooks;

    AuthRequestHooks(Hooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public boolean active() {
        for (Kind kind : Kind.values()) {
            if (hooks.authEndpoint(kind).length() > 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ResponseEntity<Object> around(Kind kind, HttpServletRequest request, Collection collection,
                                         Map<String, Object> body, Supplier<ResponseEntity<Object>> proceed) {
        Hook<RecordAuthEndpointEvent> hook = hooks.authEndpoint(kind);
        if (hook.length() == 0) {
            return proceed.get();
        }
        RecordAuthEndpointEvent event = new RecordAuthEndpointEvent(kind, request, collection, body);
        hook.trigger(event, e -> e.respond(proceed.get()));
        return event.response();
    }
}
