package dev.basalt.settings;

import dev.basalt.records.RequestBodies;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RestController;

/** PocketBase's settings API, superusers only, limited to {@code meta} and {@code smtp}. */
@RestController
class SettingsController {
    private final SettingsStore settings;
    private final RequestBodies bodies;

    SettingsController(SettingsStore settings, RequestBodies bodies) {
        this.settings = settings;
        this.bodies = bodies;
    }

    @GetMapping("/api/settings")
    Map<String, Object> get(HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        return settings.current().toJson();
    }

    @PatchMapping("/api/settings")
    Map<String, Object> update(HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        return settings.update(bodies.read(request)).toJson();
    }
}
