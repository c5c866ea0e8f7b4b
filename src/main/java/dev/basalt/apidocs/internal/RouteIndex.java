package dev.basalt.apidocs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The API routes the server has (its request mappings under {@code /api/}), so that the document names only what
 * the server answers, and names everything it answers.
 */
@Component
@ConditionalOnWebApplication
class RouteIndex {
    private static final String API = "/api/";

    /** One routed method and path pattern. */
    record Route(String method, PathPattern pattern) {
        boolean matches(String method, String path) {
            return this.method.equals(method) && pattern.matches(PathContainer.parsePath(path));
        }
    }

    private final RequestMappingHandlerMapping mappings;
    private volatile List<Route> routes;

    RouteIndex(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    /** Every API route; read once, on first use (the mappings are complete by the first request). */
    List<Route> routes() {
        List<Route> r = routes;
        if (r == null) {
            r = new ArrayList<>();
            for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
                if (info.getPathPatternsCondition() == null) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                    if (!pattern.getPatternString().startsWith(API)) {
                        continue;
                    }
                    for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        r.add(new Route(m.name(), pattern));
                    }
                }
            }
            routes = r = List.copyOf(r);
        }
        return r;
    }

    /** True when the server routes this method and path (a path with {variables} matches any value). */
    boolean routes(String method, String path) {
        return routes().stream().anyMatch(route -> route.matches(method, path));
    }
}
