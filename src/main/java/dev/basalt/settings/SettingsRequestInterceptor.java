package dev.basalt.settings;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * The settings API's seam for PocketBase's {@code onSettingsListRequest} and {@code onSettingsUpdateRequest} hooks,
 * implemented by the hooks module; each wraps one call and returns the answer; not calling {@code proceed} leaves
 * the call unhandled.
 */
public interface SettingsRequestInterceptor {
    /** False when no hook is bound: calls then skip the interceptor. */
    boolean active();

    /** Wraps {@code GET /api/settings}: {@code settings} (the JSON answer) may be changed before {@code proceed}. */
    ResponseEntity<Object> aroundList(HttpServletRequest request, Map<String, Object> settings,
                                      Supplier<ResponseEntity<Object>> proceed);

    /**
     * Wraps {@code PATCH /api/settings}: {@code newSettings} (the current JSON with the submitted sections over it)
     * may be changed before {@code proceed} saves the submitted sections and those a hook changed.
     */
    ResponseEntity<Object> aroundUpdate(HttpServletRequest request, Map<String, Object> oldSettings,
                                        Map<String, Object> newSettings, Supplier<ResponseEntity<Object>> proceed);
}
