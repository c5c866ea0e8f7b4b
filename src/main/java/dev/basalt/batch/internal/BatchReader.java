package dev.basalt.batch.internal;

import dev.basalt.batch.BatchSettings;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.CommonErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch body: JSON {@code {"requests":[...]}}, or multipart/form-data with that JSON in the
 * {@code @jsonPayload} part (what the SDK sends) and files under {@code requests.N.field} / {@code requests[N].field}.
 */
@Component
class BatchReader {
    /** Methods a sub-request may name (others are refused before anything runs). */
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Longest sub-request URL (as PocketBase). */
    static final int MAX_URL_LENGTH = 2000;
    private static final String JSON_PAYLOAD = "@jsonPayload";
    private static final String UNREADABLE = "Failed to read the submitted batch data.";
    private static final Pattern FILE_KEY = Pattern.compile("^requests(?:\\.(\\d+)\\.|\\[(\\d+)]\\.)(.+)$");

    private final JsonMapper json;
    private final BatchLimits limits;

    BatchReader(JsonMapper json, BatchLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    /** The sub-requests, or an {@link InvalidBatch} carrying the 400/413 response. */
    List<BatchRequest> read(HttpServletRequest request) {
        BatchSettings settings = limits.current();
        if (request.getContentLengthLong() > settings.maxBodyBytes()) {
            throw CommonErrors.BODY_TOO_LARGE.exception();
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        List<BatchRequest> requests;
        if (type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")) {
            String payload = request.getParameter(JSON_PAYLOAD);
            requests = parse(payload == null ? "" : payload, settings);
            if (request instanceof MultipartHttpServletRequest multipart) {
                addFiles(multipart, requests);
            }
        } else {
            requests = parse(readText(request, settings), settings);
        }
        return requests;
    }

    private String readText(HttpServletRequest request, BatchSettings settings) {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBodyBytes() + 1));
            if (bytes.length > settings.maxBodyBytes()) {
                throw CommonErrors.BODY_TOO_LARGE.exception();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApiException.badRequest(UNREADABLE);
        }
    }

    private List<BatchRequest> parse(String text, BatchSettings settings) {
        Object root;
        try {
            root = text.isBlank() ? Map.of() : json.readValue(text, Object.class);
        } catch (JacksonException e) {
            throw ApiException.badRequest(UNREADABLE);
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw ApiException.badRequest(UNREADABLE);
        }
        Object items = top.get("requests");
        if (items != null && !(items instanceof List<?>)) {
            throw ApiException.badRequest(UNREADABLE);
        }
        List<?> list = items == null ? List.of() : (List<?>) items;
        if (list.isEmpty()) {
            throw invalid(Map.of("requests", error("validation_required", "Cannot be blank.")));
        }
        if (list.size() > settings.maxRequests()) {
            throw invalid(Map.of("requests", error("validation_length_too_long",
                    "The length must be no more than " + settings.maxRequests() + ".")));
        }
        List<BatchRequest> out = new ArrayList<>();
        Map<String, Object> itemErrors = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> item)) {
                throw ApiException.badRequest(UNREADABLE);
            }
            out.add(item(item, i, itemErrors));
        }
        if (!itemErrors.isEmpty()) {
            throw invalid(Map.of("requests", itemErrors));
        }
        return out;
    }

    private BatchRequest item(Map<?, ?> item, int index, Map<String, Object> errors) {
        Object method = item.get("method");
        Object url = item.get("url");
        Object headers = item.get("headers");
        Object body = item.get("body");
        if ((method != null && !(method instanceof String)) || (url != null && !(url instanceof String))
                || (headers != null && !(headers instanceof Map<?, ?>)) || (body != null && !(body instanceof Map<?, ?>))) {
            throw ApiException.badRequest(UNREADABLE);
        }
        String m = method == null ? "" : ((String) method).toUpperCase(Locale.ROOT);
        String u = url == null ? "" : (String) url;
        Map<String, Object> fieldErrors = new LinkedHashMap<>();
        if (m.isEmpty()) {
            fieldErrors.put("method", error("validation_required", "Cannot be blank."));
        } else if (!METHODS.contains(m)) {
            fieldErrors.put("method", error("validation_in_invalid", "Must be a valid value."));
        }
        if (u.isEmpty()) {
            fieldErrors.put("url", error("validation_required", "Cannot be blank."));
        } else if (u.length() > MAX_URL_LENGTH) {
            fieldErrors.put("url", error("validation_length_too_long",
                    "The length must be no more than " + MAX_URL_LENGTH + "."));
        }
        if (!fieldErrors.isEmpty()) {
            errors.put(String.valueOf(index), fieldErrors);
        }
        Map<String, String> h = new LinkedHashMap<>();
        if (headers != null) {
            ((Map<?, ?>) headers).forEach((k, v) -> h.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        Map<String, Object> b = new LinkedHashMap<>();
        if (body != null) {
            ((Map<?, ?>) body).forEach((k, v) -> b.put(String.valueOf(k), v));
        }
        return new BatchRequest(m, u, h, b);
    }

    private static void addFiles(MultipartHttpServletRequest multipart, List<BatchRequest> requests) {
        for (String key : multipart.getFileMap().keySet()) {
            Matcher m = FILE_KEY.matcher(key);
            if (!m.matches()) {
                continue;
            }
            int index = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            if (index >= requests.size()) {
                continue;
            }
            List<MultipartFile> files = multipart.getFiles(key);
            requests.get(index).body().merge(m.group(3), new ArrayList<>(files), (a, b) -> {
                List<Object> all = new ArrayList<>(a instanceof List<?> l ? l : List.of(a));
                all.addAll((List<?>) b);
                return all;
            });
        }
    }

    private static Map<String, String> error(String code, String message) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("message", message);
        return e;
    }

    private static InvalidBatch invalid(Map<String, Object> data) {
        return new InvalidBatch(data);
    }

    /** A batch refused before it ran: 400 {@link #MESSAGE} with nested field errors. */
    static final class InvalidBatch extends RuntimeException {
        /** PocketBase's message. */
        static final String MESSAGE = "Invalid batch request data.";
        private final transient Map<String, Object> data;

        InvalidBatch(Map<String, Object> data) {
            super(MESSAGE);
            this.data = data;
        }

        ResponseEntity<Map<String, Object>> response() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", 400);
            body.put("message", getMessage());
            body.put("data", data);
            return ResponseEntity.status(400).body(body);
        }
    }
}
