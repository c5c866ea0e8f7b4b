package dev.basalt.crons;

import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** PocketBase's crons API, superusers only: list the jobs, run one now. */
@RestController
class CronController {
    private final CronRegistry registry;

    CronController(CronRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/crons")
    List<CronJob> list(HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        return registry.jobs();
    }

    @PostMapping("/api/crons/{id}")
    ResponseEntity<Void> run(@PathVariable String id, HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        if (!registry.runNow(id)) {
            throw ApiException.notFound("Missing or invalid cron job");
        }
        return ResponseEntity.noContent().build();
    }
}
