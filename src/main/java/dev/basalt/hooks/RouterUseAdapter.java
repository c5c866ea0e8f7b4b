package dev.basalt.hooks;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerAdapter;
import org.springframework.web.servlet.ModelAndView;

/**
 * Runs {@link Hooks#routerUse()}'s middlewares around every built-in route too (PocketBase's {@code routerUse} wraps
 * the whole router): while middlewares are bound, it takes every handler except the custom routes (whose
 * {@link RouteMapping} runs them itself) and hands it to the adapter Spring MVC would have used inside the chain. A
 * middleware that answers without {@code e.next()} sends its answer; one that throws goes to the API error handler
 * like a controller's error. With no middleware bound it takes no handler, so requests pay nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RouterUseAdapter implements HandlerAdapter {
    private final Hooks hooks;
    private final RouteMapping routes;
    private final ObjectProvider<HandlerAdapter> adapters;

    RouterUseAdapter(Hooks hooks, RouteMapping routes, ObjectProvider<HandlerAdapter> adapters) {
        this.hooks = hooks;
        this.routes = routes;
        this.adapters = adapters;
    }

    @Override
    public boolean supports(Object handler) {
        return hooks.routerUse().length() > 0
                && !(handler instanceof HandlerMethod m && m.getBean() == routes) && delegate(handler) != null;
    }

    @Override
    public ModelAndView handle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        RequestEvent event = new RequestEvent(request, Map.of());
        event.servletResponse(response);
        ModelAndView[] view = new ModelAndView[1];
        Exception[] failed = new Exception[1];
        boolean[] handled = new boolean[1];
        try {
            hooks.routerUse().trigger(event, e -> {
                handled[0] = true;
                HttpServletResponse out = event.servletResponse();
                event.headers().forEach((name, list) -> list.forEach(v -> out.addHeader(name, v)));
                try { // with the request and response as the middlewares left them (bodyLimit, gzip)
                    view[0] = delegate(handler).handle(event.request(), out, handler);
                } catch (RuntimeException ex) {
                    throw ex;
                } catch (Exception ex) {
                    failed[0] = ex;
                    throw new Unwind();
                }
            });
        } catch (Unwind u) {
            throw failed[0];
        }
        if (!handled[0]) {
            HttpServletResponse out = event.servletResponse();
            event.headers().forEach((name, list) -> list.forEach(v -> out.addHeader(name, v)));
            routes.write(event.response(), out);
        }
        Middlewares.finish(event);
        return view[0];
    }

    /** The adapter Spring MVC would use for this handler (the first other one that supports it). */
    private HandlerAdapter delegate(Object handler) {
        return adapters.orderedStream().filter(a -> a != this && a.supports(handler)).findFirst().orElse(null);
    }

    /** Carries a checked exception of the handler out of the middleware chain, to be rethrown as it was. */
    private static final class Unwind extends RuntimeException {
        Unwind() {
            super(null, null, false, false);
        }
    }
}
