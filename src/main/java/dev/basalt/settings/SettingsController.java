package dev.basalt.settings;

import dev.basalt.records.RequestBodies;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
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
    private final ObjectProvider<SettingsRequestInterceptor> interceptor;

    SettingsController(SettingsStore settings, EnvOverrides overrides, RequestBodies bodies,
                       ObjectProvider<SettingsRequestInterceptor> interceptor) {
        this.interceptor = interceptor;
        this.settings = settings;
        this.overrides = overrides;
        this.bodies = bodies;
    }

    @GetMapping("/api/settings")
    ResponseEntity<Object> get(HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        Map<String, Object> shown = shown(settings.current());
        SettingsRequestInterceptor hooks = interceptor.getIfAvailable();
        return hooks == null || !hooks.active() ? ResponseEntity.ok(shown)
                : hooks.aroundList(request, shown, () -> ResponseEntity.ok(shown));
    }

    @PatchMapping("/api/settings")
    ResponseEntity<Object> update(HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        Map<String, Object> body = bodies.read(request);
        SettingsRequestInterceptor hooks = interceptor.getIfAvailable();
        if (hooks == null || !hooks.active()) {
            return ResponseEntity.ok(shown(settings.update(body)));
        }
        Map<String, Object> old = shown(settings.current());
        Map<String, Object> next = new LinkedHashMap<>(old);
        next.putAll(body);
        return hooks.aroundUpdate(request, old, next, () -> {
            Map<String, Object> patch = new LinkedHashMap<>(); // submitted sections and those a hook changed
            next.forEach((k, v) -> {
                if (body.containsKey(k) || !Objects.equals(old.get(k), v)) {
                    patch.put(k, v);
                }
            });
            return ResponseEntity.ok(shown(settings.update(patch)));
        });
    }

    private Map<String, Object> shown(Settings s) {
        Map<String, Object> json = s.toJson();
        json.put("envOverrides", overrides.keys());
        return json;
    }
}
