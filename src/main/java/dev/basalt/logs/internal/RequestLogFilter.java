package dev.basalt.logs.internal;

import dev.basalt.logs.LogLevels;
import dev.basalt.logs.LogsConfig;
import dev.basalt.logs.LogsHooks;
import dev.basalt.shared.ApiErrorHandler;
import dev.basalt.shared.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Captures each request as PocketBase's request log entry once it has been answered, and queues it; never blocks
 * and never fails the request. The settings are read through {@link LogsHooks} (a cached read, as every request's
 * rate limits). Level INFO for answers below 400, ERROR from 400 (PocketBase logs every request whose
 * handler returned an error as ERROR). As in PocketBase, successful reads of the logs API are not logged; nor are
 * successful metrics scrapes and probes, which PocketBase does not have.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLogFilter extends OncePerRequestFilter {
    /** PocketBase's cut lengths. */
    private static final int MAX_URL = 3000;
    private static final int MAX_HEADER = 2000;
    private static final int MAX_METHOD = 50;
    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final int FIRST_ERROR_STATUS = 400;
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
        String method = cut(request.getMethod().toUpperCase(Locale.ROOT), MAX_METHOD);
        String query = request.getQueryString();
        String url = cut(query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query, MAX_URL);
        Caller caller = Caller.of(request);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "request");
        data.put("execTime", execTime);
        Object error = request.getAttribute(ApiErrorHandler.ERROR_MESSAGE_ATTRIBUTE);
        if (error != null && status >= FIRST_ERROR_STATUS) {
            data.put("error", error);
        }
        data.put("url", url);
        data.put("method", method);
        data.put("status", status);
        data.put("referer", cut(header(request, "Referer"), MAX_HEADER));
        data.put("userAgent", cut(header(request, "User-Agent"), MAX_HEADER));
        data.put("auth", caller.anonymous() ? "" : caller.superuser() ? "_superusers" : caller.collectionName());
        if (!caller.anonymous() && config.logAuthId()) {
            data.put(LogEntry.AUTH_ID, caller.id());
        }
        if (config.logIP()) {
            data.put(LogEntry.USER_IP, h == null ? request.getRemoteAddr() : h.clientIp(request));
            data.put(LogEntry.REMOTE_IP, request.getRemoteAddr());
        }
        int level = status >= FIRST_ERROR_STATUS ? LogLevels.ERROR : LogLevels.INFO;
        writer.offer(new LogEntry(Instant.now(), level, method + " " + decoded(url), data));
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
        if (status >= FIRST_ERROR_STATUS) {
            return false;
        }
        return path.equals("/api/logs") || path.startsWith("/api/logs/") || path.equals("/metrics")
                || path.startsWith("/actuator/");
    }

    private static String header(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        return value == null ? "" : value;
    }

    private static String decoded(String url) {
        try {
            return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "..." : text;
    }
}
