package dev.basalt.records;

import dev.basalt.query.RequestInfo;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what a caller sent into a {@link RequestInfo} for {@code @request.*}: the method, the first value of each
 * query parameter, the first value of each header under its rule name (lower case, {@code -} as {@code _}), and a
 * body normalized to rule values (uploads as their original file names, objects as JSON text).
 */
public final class RequestInfos {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RequestInfos() {
    }

    /** The method, query and headers of an HTTP request, in the default context, without a body. */
    public static RequestInfo of(HttpServletRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        String queryString = request.getQueryString();
        if (queryString != null) {
            UriComponentsBuilder.newInstance().query(queryString).build().getQueryParams().forEach((name, values) ->
                    query.putIfAbsent(decode(name), values.isEmpty() || values.getFirst() == null ? ""
                            : decode(values.getFirst())));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(RequestInfo.headerKey(name), request.getHeader(name));
        }
        return new RequestInfo(request.getMethod(), RequestInfo.DEFAULT_CONTEXT, query, headers, Map.of());
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /**
     * A sub-request of a batch: its own method and query, its own headers over those of the batch request (the
     * body is set by the records API, from the sub-request's body).
     */
    public static RequestInfo subRequest(RequestInfo batch, String method, Map<String, String> query,
                                         Map<String, String> headers) {
        Map<String, String> merged = new LinkedHashMap<>(batch.headers());
        if (headers != null) {
            headers.forEach((name, value) -> merged.put(RequestInfo.headerKey(name), value));
        }
        return new RequestInfo(method, batch.context(), query, merged, Map.of());
    }

    /** The body as rules see it. */
    public static Map<String, Object> body(Map<String, Object> body) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (body != null) {
            body.forEach((key, value) -> result.put(key, value(value)));
        }
        return result;
    }

    private static Object value(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            case MultipartFile f -> f.getOriginalFilename() == null ? "" : f.getOriginalFilename();
            case Collection<?> c -> {
                List<Object> items = new ArrayList<>();
                c.forEach(item -> items.add(value(item)));
                yield items;
            }
            default -> JSON.writeValueAsString(value);
        };
    }
}
