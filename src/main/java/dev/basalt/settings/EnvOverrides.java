package dev.basalt.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The settings that the process configuration ({@code BASALT_*} environment variables, {@code basalt.*} properties)
 * overrides: such a setting is still stored and shown, but the configured value is the one in force. The settings
 * API lists them under {@code envOverrides}; the modules applying a setting ask {@link #has}.
 */
@Component
public class EnvOverrides {
    /** Whole {@code s3} section: files live in the bucket of {@code BASALT_S3_*} when its endpoint is set. */
    public static final String S3 = "s3";
    /** {@code BASALT_BATCH_ENABLED}. */
    public static final String BATCH_ENABLED = "batch.enabled";
    /** {@code BASALT_BATCH_MAX_REQUESTS}. */
    public static final String BATCH_MAX_REQUESTS = "batch.maxRequests";
    /** {@code BASALT_BATCH_TIMEOUT_SECONDS}. */
    public static final String BATCH_TIMEOUT = "batch.timeout";
    /** {@code BASALT_BATCH_MAX_BODY_BYTES}. */
    public static final String BATCH_MAX_BODY_SIZE = "batch.maxBodySize";
    private static final Map<String, String> PROPERTIES = properties();
    private final List<String> present;

    /** Reads the configuration once: it does not change while the process runs. */
    public EnvOverrides(Environment environment) {
        this.present = PROPERTIES.entrySet().stream()
                .filter(e -> StringUtils.hasText(environment.getProperty(e.getValue())))
                .map(Map.Entry::getKey).toList();
    }

    /** Whether the configuration sets this settings key (one of the constants here). */
    public boolean has(String key) {
        return present.contains(key);
    }

    /** Every overridden settings key, in settings order. */
    public List<String> keys() {
        return present;
    }

    private static Map<String, String> properties() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(S3, "basalt.s3.endpoint");
        m.put(BATCH_ENABLED, "basalt.batch.enabled");
        m.put(BATCH_MAX_REQUESTS, "basalt.batch.max-requests");
        m.put(BATCH_TIMEOUT, "basalt.batch.timeout-seconds");
        m.put(BATCH_MAX_BODY_SIZE, "basalt.batch.max-body-bytes");
        return m;
    }
}
