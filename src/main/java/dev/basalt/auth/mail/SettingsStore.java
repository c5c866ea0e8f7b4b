package dev.basalt.auth.mail;

import dev.basalt.shared.ValidationErrors;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the settings (key {@code settings} in {@code _params}). Read from the database each time, so
 * a change is seen by every node at once; settings are read only when a mail is sent or the API asks. The stored
 * value is encrypted when a key is set ({@link SealedParams}).
 */
@Component
public class SettingsStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private final SealedParams params;
    private final Settings defaults;

    /**
     * @param rateLimitsEnabled whether the auth rate limit is on while no settings were saved
     *                          ({@code BASALT_RATE_LIMITS_DEFAULT_ENABLED}, default false as in PocketBase)
     */
    public SettingsStore(SealedParams params,
                         @Value("${basalt.rate-limits.default-enabled:false}") boolean rateLimitsEnabled) {
        this.params = params;
        this.defaults = Settings.defaults(rateLimitsEnabled);
    }

    /** The current settings (defaults for anything never saved). */
    public Settings current() {
        String stored = params.read(SealedParams.SETTINGS);
        if (stored == null) {
            return defaults;
        }
        ValidationErrors ignored = new ValidationErrors();
        return SettingsReader.merge(defaults, JSON.readValue(stored, OBJECT), ignored);
    }

    /** Applies a patch; 400 with keys like {@code smtp.port} when invalid. */
    public Settings update(Map<String, Object> patch) {
        ValidationErrors errors = new ValidationErrors();
        Settings next = SettingsReader.merge(current(), patch, errors);
        errors.throwIfAny("An error occurred while validating the submitted data.");
        params.write(SealedParams.SETTINGS, JSON.writeValueAsString(next.toStoredJson()));
        return next;
    }
}
