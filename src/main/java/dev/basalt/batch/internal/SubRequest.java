package dev.basalt.batch.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A batch sub-request as the request hooks see it (PocketBase builds a new request per sub-request): the
 * sub-request's method, path, query and own headers over the batch request's, which keeps the caller's auth, the
 * client address and the rest. The body is not re-readable here; hooks get the sub-request's record values.
 */
final class SubRequest extends HttpServletRequestWrapper {
    private final BatchRequest sub;
    private final String path;
    private final String query;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    SubRequest(HttpServletRequest batch, BatchRequest sub) {
        super(batch);
        this.sub = sub;
        String[] parts = sub.url().split("\\?", 2);
        this.path = parts[0];
        this.query = parts.length > 1 ? parts[1] : null;
        // as in PocketBase, a sub-request's own Authorization header has no effect: the auth is the batch's
        sub.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("authorization")) {
                headers.put(k, v);
            }
        });
    }

    @Override
    public String getMethod() {
        return sub.method();
    }

    @Override
    public String getRequestURI() {
        return path;
    }

    @Override
    public String getServletPath() {
        return path;
    }

    @Override
    public String getQueryString() {
        return query;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String pair : query == null || query.isEmpty() ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            out.merge(key, new String[] {value}, (a, b) -> {
                String[] both = Arrays.copyOf(a, a.length + 1);
                both[a.length] = b[0];
                return both;
            });
        }
        return out;
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public String getHeader(String name) {
        String own = headers.get(name);
        return own != null ? own : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String own = headers.get(name);
        return own != null ? Collections.enumeration(List.of(own)) : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = new ArrayList<>(headers.keySet());
        for (String name : Collections.list(super.getHeaderNames())) {
            if (!headers.containsKey(name.toLowerCase(Locale.ROOT)) && !headers.containsKey(name)) {
                names.add(name);
            }
        }
        return Collections.enumeration(names);
    }
}
