package dev.basalt.logs.internal;

import dev.basalt.logs.LogsConfig;
import dev.basalt.logs.LogsHooks;
import dev.basalt.shared.ApiErrorHandler;
import dev.basalt.shared.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Captures each request as PocketBase's request log entry once it has been answered, and queues it; never blocks
 * and never fails the request. Only the raw values are collected here ({@link RequestLog}); the writer thread
 * builds the entry. The settings are read through {@link LogsHooks} (a cached read, as every request's
 * rate limits). Level INFO for answers below 400, ERROR from 400 (PocketBase logs every request whose
 * handler returned an error as ERROR). As in PocketBase, successful reads of the logs API are not logged; nor are
 * successful metrics scrapes and probes, which PocketBase does not have.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLogFilter extends OncePerRequestFilter {
    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private final LogWriter writer;
    private final ObjectProvider<LogsHooks> hooks;
    private volatile LogsHooks resolvedHooks;

    RequestLogFilter(LogWriter writer, ObjectProvider<LogsHooks> hooks) {
        this.writer = writer;
        this.hooks = hooks;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        boolean threw = true;
        try {
            chain.doFilter(request, response);
            threw = false;
        } finally {
            try {
                capture(request, threw ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus(), start);
            } catch (RuntimeException e) {
                // logging must never change the answer; the writer's own counters show lost entries
                logger.debug("Request log entry not captured", e);
            }
        }
    }

    private void capture(HttpServletRequest request, int status, long start) {
        LogsHooks h = hooks();
        LogsConfig config = h == null ? LogsConfig.DEFAULTS : h.logsConfig();
        if (config.maxDays() <= 0 || skipped(request.getRequestURI(), status)) {
            return;
        }
        double execTime = (System.nanoTime() - start) / NANOS_PER_MILLI;
        Caller caller = Caller.of(request);
        Object error = request.getAttribute(ApiErrorHandler.ERROR_MESSAGE_ATTRIBUTE);
        String auth = caller.anonymous() ? "" : caller.superuser() ? "_superusers" : caller.collectionName();
        String authId = !caller.anonymous() && config.logAuthId() ? caller.id() : null;
        String remoteIp = config.logIP() ? request.getRemoteAddr() : null;
        String userIp = !config.logIP() ? null : h == null ? remoteIp : h.clientIp(request);
        writer.offer(new RequestLog(System.currentTimeMillis(), status, execTime, request.getMethod(),
                request.getRequestURI(), request.getQueryString(), error == null ? null : error.toString(),
                request.getHeader("Referer"), request.getHeader("User-Agent"), auth, authId, userIp, remoteIp));
    }

    /** The hooks bean, looked up once (a lookup per request would cost more than the rest of the capture). */
    private LogsHooks hooks() {
        LogsHooks h = resolvedHooks;
        if (h == null) {
            h = hooks.getIfAvailable();
            resolvedHooks = h;
        }
        return h;
    }

    private static boolean skipped(String path, int status) {
        if (status >= RequestLog.FIRST_ERROR_STATUS) {
            return false;
        }
        return path.equals("/api/logs") || path.startsWith("/api/logs/") || path.equals("/metrics")
                || path.startsWith("/actuator/");
    }

}
