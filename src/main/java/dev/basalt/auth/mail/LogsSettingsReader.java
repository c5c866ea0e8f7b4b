package dev.basalt.auth.mail;

import dev.basalt.shared.ValidationErrors;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and checks the {@code logs} settings (PocketBase: {@code maxDays} at least 0). */
final class LogsSettingsReader {
    private static final String PREFIX = "logs.";

    private LogsSettingsReader() {
    }

    static Settings.Logs read(Map<String, Object> logs, ValidationErrors errors) {
        int maxDays = whole(logs, "maxDays", errors);
        if (maxDays < 0) {
            errors.add(PREFIX + "maxDays", "validation_min_greater_equal_than_required", "Must be no less than 0");
        }
        return new Settings.Logs(maxDays, whole(logs, "minLevel", errors), bool(logs, "logIP", errors),
                bool(logs, "logAuthId", errors));
    }

    static Map<String, Object> toJson(Settings.Logs logs) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("maxDays", logs.maxDays());
        json.put("minLevel", logs.minLevel());
        json.put("logIP", logs.logIP());
        json.put("logAuthId", logs.logAuthId());
        return json;
    }

    private static int whole(Map<String, Object> m, String key, ValidationErrors errors) {
        Object v = m.get(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n.longValue()));
        }
        errors.add(PREFIX + key, "validation_invalid_value", "Must be a whole number.");
        return 0;
    }

    private static boolean bool(Map<String, Object> m, String key, ValidationErrors errors) {
        Object v = m.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        errors.add(PREFIX + key, "validation_invalid_value", "Must be a boolean.");
        return false;
    }
}
