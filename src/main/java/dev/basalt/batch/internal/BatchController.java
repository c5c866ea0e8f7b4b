package dev.basalt.batch.internal;

import dev.basalt.batch.BatchInterceptor;
import dev.basalt.records.RequestInfos;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/batch}: answers {@code [{"status":..,"body":..}]}, or PocketBase's batch error. */
@RestController
class BatchController {
    private final BatchLimits limits;
    private final BatchReader reader;
    private final BatchProcessor processor;
    private final ObjectProvider<BatchInterceptor> interceptor;

    BatchController(BatchLimits limits, BatchReader reader, BatchProcessor processor,
                    ObjectProvider<BatchInterceptor> interceptor) {
        this.interceptor = interceptor;
        this.limits = limits;
        this.reader = reader;
        this.processor = processor;
    }

    @PostMapping("/api/batch")
    ResponseEntity<?> batch(HttpServletRequest request) {
        if (!limits.current().enabled()) {
            throw ApiException.forbidden("Batch requests are not allowed.");
        }
        Caller caller = Caller.of(request);
        List<BatchRequest> requests;
        try {
            requests = reader.read(request);
        } catch (BatchReader.InvalidBatch e) {
            return e.response();
        }
        BatchInterceptor hooks = interceptor.getIfAvailable();
        if (hooks == null || !hooks.active()) {
            return run(requests, caller, request);
        }
        List<Map<String, Object>> maps = new ArrayList<>(requests.stream().map(BatchController::map).toList());
        return hooks.around(request, maps, () -> run(maps.stream().map(BatchController::request).toList(), caller,
                request));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ResponseEntity<Object> run(List<BatchRequest> requests, Caller caller, HttpServletRequest request) {
        try {
            List<Map<String, Object>> results = processor.run(requests, caller, RequestInfos.of(request), request);
            return ResponseEntity.ok(results);
        } catch (BatchFailure e) {
            return (ResponseEntity) e.response();
        }
    }

    /** A sub-request as hooks see it. */
    private static Map<String, Object> map(BatchRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", r.method());
        m.put("url", r.url());
        m.put("headers", new LinkedHashMap<>(r.headers()));
        m.put("body", new LinkedHashMap<>(r.body()));
        return m;
    }

    /** A sub-request as a hook left it. */
    @SuppressWarnings("unchecked")
    private static BatchRequest request(Map<String, Object> m) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (m.get("headers") instanceof Map<?, ?> h) {
            h.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
        }
        Map<String, Object> body = m.get("body") instanceof Map<?, ?> b ? (Map<String, Object>) b : Map.of();
        return new BatchRequest(String.valueOf(m.get("method")), String.valueOf(m.get("url")), headers, body);
    }
}
