package dev.basalt.batch.internal;

import dev.basalt.records.RequestInfos;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/batch}: answers {@code [{"status":..,"body":..}]}, or PocketBase's batch error. */
@RestController
class BatchController {
    private final BatchLimits limits;
    private final BatchReader reader;
    private final BatchProcessor processor;

    BatchController(BatchLimits limits, BatchReader reader, BatchProcessor processor) {
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
        try {
            List<Map<String, Object>> results = processor.run(requests, caller, RequestInfos.of(request), request);
            return ResponseEntity.ok(results);
        } catch (BatchFailure e) {
            return e.response();
        }
    }
}
