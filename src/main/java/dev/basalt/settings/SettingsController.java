package dev.basalt.settings;

import dev.basalt.records.RequestBodies;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * PocketBase's settings API, superusers only. Both answers add {@code envOverrides}: the settings keys that the
 * process configuration overrides ({@link EnvOverrides}); the SDK ignores the key, and a PATCH that sends it back
 * changes nothing.
 */
@RestController
class SettingsController {
    private final SettingsStore settings;
    private final EnvOverrides overrides;
    private final RequestBodies bodies;

    SettingsController(SettingsStore settings, EnvOverrides overrides, RequestBodies bodies) {
        this.settings = settings;
        this.overrides = overrides;
        this.bodies = bodies;
    }

    @GetMapping("/api/settings")
    Map<String, Object> get(HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        return shown(settings.current());
    }

    @PatchMapping("/api/settings")
    Map<String, Object> update(HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        return shown(settings.update(bodies.read(request)));
    }

    private Map<String, Object> shown(Settings s) {
        Map<String, Object> json = s.toJson();
        json.put("envOverrides", overrides.keys());
        return json;
    }
}
