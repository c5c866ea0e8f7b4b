package dev.basalt.hooks;

import dev.basalt.collections.CollectionRequestInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Runs the {@code onCollection*Request} hooks around the collections API's calls. */
@Component
class CollectionRequestHooks implements CollectionRequestInterceptor {
    private final Hooks hooks;

    CollectionRequestHooks(Hooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public boolean active() {
        for (Kind kind : Kind.values()) {
            if (hooks.collectionRequest(kind).length() > 0) {
                return true;
            }
        }
        return hooks.onCollectionsImportRequest().length() > 0;
    }

    @Override
    public ResponseEntity<Object> aroundImport(HttpServletRequest request, Map<String, Object> body,
                                               Supplier<ResponseEntity<Object>> proceed) {
        Hook<CollectionsImportRequestEvent> hook = hooks.onCollectionsImportRequest();
        if (hook.length() == 0) {
            return proceed.get();
        }
        CollectionsImportRequestEvent event = new CollectionsImportRequestEvent(request, body);
        hook.trigger(event, e -> e.respond(proceed.get()));
        return event.response();
    }

    @Override
    public ResponseEntity<Object> around(Kind kind, HttpServletRequest request, Map<String, Object> collection,
                                         Supplier<ResponseEntity<Object>> proceed) {
        Hook<CollectionRequestEvent> hook = hooks.collectionRequest(kind);
        if (hook.length() == 0) {
            return proceed.get();
        }
        CollectionRequestEvent event = new CollectionRequestEvent(kind, request, collection);
        hook.trigger(event, e -> e.respond(proceed.get()));
        return event.response();
    }
}
