package dev.basalt.hooks;

import dev.basalt.shared.Caller;
import dev.basalt.shared.CommonErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP request to a custom route or the records API (PocketBase's {@code core.RequestEvent}): the request, its
 * path values, the authenticated caller, and the answer a handler gives with {@link #json}, {@link #string},
 * {@link #html}, {@link #redirect} or {@link #noContent}. The last answer given is the one sent.
 */
public class RequestEvent extends HookEvent {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private HttpServletRequest request;
    private HttpServletResponse servletResponse;
    private final Map<String, String> pathValues;
    private ResponseEntity<Object> response;
    private Map<String, Object> body;
    private final HttpHeaders headers = new HttpHeaders();

    public RequestEvent(HttpServletRequest request, Map<String, String> pathValues) {
        this.request = request;
        this.pathValues = pathValues == null ? Map.of() : Map.copyOf(pathValues);
    }

    /** The HTTP request. */
    public HttpServletRequest request() {
        return request;
    }

    /** Replaces the request for the rest of the chain (a middleware's wrapper, as {@code $apis.bodyLimit}'s). */
    public void request(HttpServletRequest replacement) {
        this.request = replacement;
    }

    /**
     * The servlet response the answer is written to: custom routes and {@code routerUse} middlewares have one
     * (null elsewhere); a middleware may wrap it for the rest of the chain ({@code $apis.gzip}).
     */
    public HttpServletResponse servletResponse() {
        return servletResponse;
    }

    /** Sets or wraps the servlet response (see {@link #servletResponse()}). */
    public void servletResponse(HttpServletResponse value) {
        this.servletResponse = value;
    }

    /** A path value of the route's pattern ({@code /hello/{name}}), or "" when there is none by that name. */
    public String pathValue(String name) {
        return pathValues.getOrDefault(name, "");
    }

    /** The authenticated caller (anonymous when the request has no valid token). */
    public Caller auth() {
        return Caller.of(request);
    }

    /** True when the caller is a superuser. */
    public boolean hasSuperuserAuth() {
        return auth().superuser();
    }

    /**
     * PocketBase's {@code requestInfo()}: method, query, headers (lower case, {@code -} as {@code _}), the body
     * (JSON or form fields), the auth record and the context.
     */
    public Map<String, Object> requestInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> query.put(k, v.length == 0 ? "" : v[0]));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(java.util.Locale.ROOT).replace('-', '_'), request.getHeader(name));
        }
        Caller caller = auth();
        info.put("method", request.getMethod());
        info.put("query", query);
        info.put("headers", headers);
        info.put("body", body());
        info.put("auth", caller.id().isEmpty() ? null : caller.record());
        info.put("context", "default");
        return info;
    }

    /** The request body: a JSON object's entries, or the form fields; empty when there is none. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> body() {
        if (body != null) {
            return body;
        }
        body = new LinkedHashMap<>();
        String type = request.getContentType();
        try {
            if (type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
                byte[] bytes = request.getInputStream().readAllBytes();
                if (bytes.length > 0 && JSON.readValue(bytes, Object.class) instanceof Map<?, ?> map) {
                    body.putAll((Map<String, Object>) map);
                }
            } else {
                request.getParameterMap().forEach((k, v) -> body.put(k, v.length == 1 ? v[0] : java.util.List.of(v)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (dev.basalt.shared.ApiException e) {
            throw e; // a body past $apis.bodyLimit's limit
        } catch (RuntimeException e) {
            throw CommonErrors.BODY_UNREADABLE.exception();
        }
        return body;
    }

    /** Answers with {@code data} as JSON. */
    public void json(int status, Object data) {
        response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(data);
    }

    /** Answers with plain text. */
    public void string(int status, String text) {
        response = ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(text);
    }

    /** Answers with HTML. */
    public void html(int status, String html) {
        response = ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }

    /** Answers with a redirect (PocketBase uses 302 or 307 and the like) to {@code url}. */
    public void redirect(int status, String url) {
        response = ResponseEntity.status(status).header(HttpHeaders.LOCATION, url).build();
    }

    /** Answers with no body. */
    public void noContent(int status) {
        response = ResponseEntity.status(status).build();
    }

    /** Sets the answer as a whole (e.g. the usual answer of the hooked operation). */
    public void respond(ResponseEntity<Object> value) {
        response = value;
    }

    /** Sets a header of the answer (e.g. from a middleware before {@link #next()}); custom routes send it. */
    public void setHeader(String name, String value) {
        headers.set(name, value);
    }

    /** The headers set with {@link #setHeader}. */
    public HttpHeaders headers() {
        return headers;
    }

    /** The answer given so far; null when none. */
    public ResponseEntity<Object> response() {
        return response;
    }
}
