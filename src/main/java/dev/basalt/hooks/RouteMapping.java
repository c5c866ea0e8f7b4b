package dev.basalt.hooks;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the custom routes of {@link Hooks#routes()} in Spring MVC, ahead of the controllers: it matches the method and
 * the path pattern, then runs {@link Hooks#routerUse()}'s middlewares, the route's own and its handler as one chain,
 * and writes the answer the handler gave. Errors thrown go to the API error handler like any controller's.
 */
@Component
class RouteMapping extends AbstractHandlerMapping {
    /** Before the annotated controllers, as PocketBase's router resolves user routes with its own. */
    private static final int ORDER = -1;
    private final Hooks hooks;
    private final JsonMapper json;
    private static final String ROUTE = RouteMapping.class.getName() + ".route";
    private static final String VALUES = RouteMapping.class.getName() + ".values";
    private final Map<String, PathPattern> patterns = new ConcurrentHashMap<>();
    /** A handler method, so that errors thrown go through the controller advice like any controller's. */
    private final HandlerMethod invoker;

    RouteMapping(Hooks hooks, JsonMapper json) {
        this.hooks = hooks;
        this.json = json;
        setOrder(ORDER);
        try {
            invoker = new HandlerMethod(this, RouteMapping.class.getDeclaredMethod("handle",
                    HttpServletRequest.class, HttpServletResponse.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        List<Route> routes = hooks.routes();
        if (routes.isEmpty()) {
            return null;
        }
        PathContainer path = PathContainer.parsePath(ServletRequestPathUtils.getParsedRequestPath(request) != null
                ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value()
                : request.getRequestURI());
        for (Route route : routes) {
            if (!methodMatches(route.method(), request.getMethod())) {
                continue;
            }
            PathPattern.PathMatchInfo match = pattern(route.path()).matchAndExtract(path);
            if (match != null) {
                request.setAttribute(ROUTE, route);
                request.setAttribute(VALUES, match.getUriVariables());
                return invoker;
            }
        }
        return null;
    }

    private static boolean methodMatches(String routeMethod, String method) {
        return routeMethod.equals("*") || routeMethod.equals(method)
                || (routeMethod.equals("GET") && method.equals("HEAD"));
    }

    /** PocketBase's (Go's) patterns: {@code {name}} and {@code {rest...}}; Spring spells the latter {@code {*rest}}. */
    private PathPattern pattern(String path) {
        return patterns.computeIfAbsent(path, p -> PathPatternParser.defaultInstance
                .parse(p.replaceAll("\\{([A-Za-z0-9_]+)\\.\\.\\.}", "{*$1}").replace("{$}", "")));
    }

    /** Runs the matched route; public for the handler adapter. */
    @SuppressWarnings("unchecked")
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Route route = (Route) request.getAttribute(ROUTE);
        Map<String, String> values = (Map<String, String>) request.getAttribute(VALUES);
        RequestEvent event = new RequestEvent(request, values);
        event.servletResponse(response);
        hooks.routerUse().trigger(event, e -> chain(route, e, 0));
        HttpServletResponse out = event.servletResponse();
        event.headers().forEach((name, list) -> list.forEach(v -> out.addHeader(name, v)));
        write(event.response(), out);
        Middlewares.finish(event);
    }

    private static void chain(Route route, RequestEvent event, int index) {
        if (index == route.middlewares().size()) {
            route.handler().handle(event);
            return;
        }
        Hook<RequestEvent> one = new Hook<>();
        one.bind(route.middlewares().get(index));
        one.trigger(event, e -> chain(route, e, index + 1));
    }

    /** Writes a handler's answer (204 when it gave none); also for {@link RouterUseAdapter}. */
    void write(ResponseEntity<Object> answer, HttpServletResponse response) throws IOException {
        if (answer == null) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, list) -> list.forEach(v -> response.addHeader(name, v)));
        Object body = answer.getBody();
        if (body == null) {
            return;
        }
        byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
        if (answer.getHeaders().getContentType() != null) {
            response.setContentType(answer.getHeaders().getContentType() + ";charset=UTF-8");
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
