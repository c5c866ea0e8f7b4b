package dev.basalt.auth.mail;

import dev.basalt.shared.DataRestored;
import dev.basalt.shared.ValidationErrors;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the settings (key {@code settings} in {@code _params}). {@link #current()} reads the database
 * each time, so a change is seen by every node at once; {@link #recent()}, for what every request needs (rate limits,
 * the client's address), reuses a read for up to {@link #RECENT_FOR}, so another node's change takes that long to
 * apply here (this node's own changes apply at once). The stored value is encrypted when a key is set
 * ({@link SealedParams}).
 */
@Component
public class SettingsStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    /** How long {@link #recent()} may answer without reading the database. */
    public static final Duration RECENT_FOR = Duration.ofSeconds(1);
    private final SealedParams params;
    private final Settings defaults;
    private volatile Read recent;

    /**
     * @param rateLimitsEnabled whether the rate limits start on in a fresh install
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

    /** The settings as read at most {@link #RECENT_FOR} ago. */
    public Settings recent() {
        Read read = recent;
        long now = System.nanoTime();
        if (read != null && now - read.at() < RECENT_FOR.toNanos()) {
            return read.settings();
        }
        Settings settings = current();
        recent = new Read(settings, now);
        return settings;
    }

    /** Applies a patch; 400 with keys like {@code smtp.port} when invalid. */
    public Settings update(Map<String, Object> patch) {
        ValidationErrors errors = new ValidationErrors();
        Settings next = SettingsReader.merge(current(), patch, errors);
        errors.throwIfAny("An error occurred while validating the submitted data.");
        params.write(SealedParams.SETTINGS, JSON.writeValueAsString(next.toStoredJson()));
        recent = new Read(next, System.nanoTime());
        return next;
    }

    /** A restore replaced {@code _params}. */
    @EventListener
    public void restored(DataRestored event) {
        recent = null;
    }

    /** Settings and when ({@link System#nanoTime()}) they were read. */
    private record Read(Settings settings, long at) {
    }
}
