package dev.basalt.hooks;

import java.util.List;
import java.util.Objects;

/**
 * A custom route (PocketBase's {@code routerAdd}): an HTTP method ({@code *} for any), a path pattern with
 * {@code {name}} path values (and {@code {name...}} for the rest of the path), the handler and the route's own
 * middlewares, which run before it in order (e.g. {@link Middlewares#requireAuth}).
 *
 * @param method      GET, POST, ... or {@code *}
 * @param path        e.g. {@code /api/hello/{name}}
 * @param handler     the handler; it answers with {@link RequestEvent#json} and the like
 * @param middlewares run before the handler, each calling {@link RequestEvent#next()} to go on
 */
public record Route(String method, String path, HookHandler<RequestEvent> handler,
                    List<HookHandler<RequestEvent>> middlewares) {
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
        method = method.toUpperCase(java.util.Locale.ROOT);
        middlewares = List.copyOf(middlewares == null ? List.of() : middlewares);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A route path starts with /: " + path);
        }
    }
}
