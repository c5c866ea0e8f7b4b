package dev.basalt.hooks;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * PocketBase's {@code SettingsListRequestEvent} and {@code SettingsUpdateRequestEvent}: a call of the settings API.
 * A list shows {@link #settings()} (changeable: {@link #next()} answers with it); an update has
 * {@link #oldSettings()} and {@link #newSettings()} (changeable: {@code next()} saves it). Secrets are not shown.
 */
public final class SettingsRequestEvent extends RequestEvent {
    private final Map<String, Object> oldSettings;
    private final Map<String, Object> settings;

    public SettingsRequestEvent(HttpServletRequest request, Map<String, Object> oldSettings,
                                Map<String, Object> settings) {
        super(request, Map.of());
        this.oldSettings = oldSettings;
        this.settings = settings;
    }

    /** The settings shown (list) or to be saved (update), as the settings API's JSON; mutable. */
    public Map<String, Object> settings() {
        return settings;
    }

    /** The settings to be saved (update); the same as {@link #settings()}. */
    public Map<String, Object> newSettings() {
        return settings;
    }

    /** The settings before the update (null for a list). */
    public Map<String, Object> oldSettings() {
        return oldSettings;
    }
}
