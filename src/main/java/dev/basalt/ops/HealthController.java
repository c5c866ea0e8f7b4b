package dev.basalt.ops;

import dev.basalt.cluster.ClusterSignals;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health} (and {@code HEAD}, which Spring answers from the same mapping without a body),
 * shaped as PocketBase's: {@code {"message":"API is healthy.","code":200,"data":{}}}. It checks the database
 * first, then (when {@code BASALT_REDIS_URL} is set) that Redis is connected; when either fails the answer is 503 in
 * PocketBase's error shape, so that a load balancer or orchestrator takes the node out. Superusers get PocketBase's extra
 * {@code data} entries.
 */
@RestController
class HealthController {
    /** Common reverse-proxy headers that hint that Basalt runs behind a proxy. */
    private static final List<String> PROXY_HEADERS = List.of("CF-Connecting-IP", "Fly-Client-IP", "X-Forwarded-For",
            "X-Real-IP", "Forwarded");

    private final DatabaseProbe database;
    private final ObjectProvider<BackupActivity> backups;
    private final ObjectProvider<ClusterSignals> signals;

    HealthController(DatabaseProbe database, ObjectProvider<BackupActivity> backups,
                     ObjectProvider<ClusterSignals> signals) {
        this.database = database;
        this.backups = backups;
        this.signals = signals;
    }

    /** The health answer; field order as PocketBase's. */
    record Health(String message, int code, Map<String, Object> data) {
    }

    @GetMapping("/api/health")
    Health health(HttpServletRequest request) {
        if (!database.healthy()) {
            throw new ApiException(503, "API is not healthy: the database is unavailable.");
        }
        ClusterSignals cluster = signals.getIfAvailable();
        if (cluster != null && cluster.unavailable().isPresent()) {
            throw new ApiException(503, "API is not healthy: Redis is unavailable.");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (Caller.of(request).superuser()) {
            BackupActivity activity = backups.getIfAvailable();
            data.put("canBackup", activity != null && activity.canBackup());
            data.put("realIP", request.getRemoteAddr());
            data.put("possibleProxyHeader", PROXY_HEADERS.stream()
                    .filter(h -> request.getHeader(h) != null).findFirst().orElse(""));
        }
        return new Health("API is healthy.", 200, data);
    }
}
