package dev.basalt.settings;

import dev.basalt.shared.ValidationErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks the {@code rateLimits} settings with PocketBase's rules and error codes. */
final class RateLimitsReader {
    /** PocketBase's label syntax: {@code METHOD /path}, {@code /path}, {@code coll:tag}, {@code *:tag}, {@code tag}. */
    private static final Pattern LABEL = Pattern.compile("^(\\w+ /[\\w/-]*|/[\\w/-]*|\\w+:\\w+|\\*:\\w+|\\w+)$");
    private static final Set<String> AUDIENCES = Set.of(Settings.RateLimitRule.EVERYONE, Settings.RateLimitRule.GUEST,
            Settings.RateLimitRule.AUTH);
    private static final String PREFIX = "rateLimits";

    private RateLimitsReader() {
    }

    static Settings.RateLimits read(Map<String, Object> limits, ValidationErrors errors) {
        Object enabledValue = limits.get("enabled");
        boolean enabled = Boolean.TRUE.equals(enabledValue);
        if (enabledValue != null && !(enabledValue instanceof Boolean)) {
            errors.add(PREFIX + ".enabled", "validation_invalid_value", "Must be a boolean.");
        }
        List<Settings.RateLimitRule> rules = rules(limits.get("rules"), errors);
        if (enabled && rules.isEmpty()) {
            errors.add(PREFIX + ".rules", "validation_required", "Cannot be blank.");
        }
        checkUnique(rules, errors);
        return new Settings.RateLimits(enabled, rules,
                ipList(limits.get("excludedIPs"), PREFIX + ".excludedIPs", errors));
    }

    private static List<Settings.RateLimitRule> rules(Object value, ValidationErrors errors) {
        List<Settings.RateLimitRule> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List<?> list)) {
            errors.add(PREFIX + ".rules", "validation_invalid_value", "Must be a list of rules.");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String key = PREFIX + ".rules." + i;
            if (!(list.get(i) instanceof Map<?, ?> raw)) {
                errors.add(key, "validation_invalid_value", "Must be an object.");
                continue;
            }
            Map<String, Object> rule = new LinkedHashMap<>();
            raw.forEach((k, v) -> rule.put(String.valueOf(k), v));
            String label = text(rule, "label", key, errors);
            String audience = text(rule, "audience", key, errors);
            long max = positive(rule, "maxRequests", key, errors);
            long duration = positive(rule, "duration", key, errors);
            if (label.isEmpty()) {
                errors.add(key + ".label", "validation_required", "Cannot be blank.");
            } else if (!LABEL.matcher(label).matches()) {
                errors.add(key + ".label", "validation_match_invalid", "Must be in a valid format");
            }
            if (!AUDIENCES.contains(audience)) {
                errors.add(key + ".audience", "validation_in_invalid", "Must be a valid value");
            }
            out.add(new Settings.RateLimitRule(label, (int) Math.min(Integer.MAX_VALUE, max), duration, audience));
        }
        return out;
    }

    /**
     * PocketBase refuses a rule whose {@code label@@audience} is a prefix of another's (or the other way round), so
     * the same label cannot be given twice, not even once for everyone and once for {@code @guest}; only the first
     * conflict is reported.
     */
    private static void checkUnique(List<Settings.RateLimitRule> rules, ValidationErrors errors) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Settings.RateLimitRule rule = rules.get(i);
            String key = rule.label() + "@@" + rule.audience();
            if (seen.stream().anyMatch(k -> k.startsWith(key) || key.startsWith(k))) {
                errors.add(PREFIX + ".rules." + i + ".label", "validation_conflicting_rate_limit_rule",
                        "Rate limit rule configuration with label " + rule.label()
                                + " already exists or conflicts with another rule.");
                return;
            }
            seen.add(key);
        }
    }

    /** A list of IP addresses or CIDR subnets ({@code rateLimits.excludedIPs}, {@code superuserIPs}). */
    static List<String> ipList(Object value, String prefix, ValidationErrors errors) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List<?> list)) {
            errors.add(prefix, "validation_invalid_value", "Must be a list of IPs or subnets.");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String key = prefix + "." + i;
            if (!(list.get(i) instanceof String ip)) {
                errors.add(key, "validation_invalid_value", "Must be a string.");
                continue;
            }
            if (ip.isEmpty()) {
                errors.add(key, "validation_required", "Cannot be blank.");
            } else if (!IpRanges.valid(ip)) {
                errors.add(key, "validation_invlaid_ip_or_subnet", "invalid IP or CIDR subnet");
            }
            out.add(ip);
        }
        return out;
    }

    private static String text(Map<String, Object> m, String key, String prefix, ValidationErrors errors) {
        Object v = m.get(key);
        if (v == null || v instanceof String) {
            return v == null ? "" : (String) v;
        }
        errors.add(prefix + "." + key, "validation_invalid_value", "Must be a string.");
        return "";
    }

    /** A whole number of at least 1 (PocketBase's {@code Required} and {@code Min(1)}), else 0 with an error. */
    private static long positive(Map<String, Object> m, String key, String prefix, ValidationErrors errors) {
        Object v = m.get(key);
        if (v != null && !(v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()))) {
            errors.add(prefix + "." + key, "validation_invalid_value", "Must be a whole number.");
            return 0;
        }
        long n = v == null ? 0 : ((Number) v).longValue();
        if (n == 0) {
            errors.add(prefix + "." + key, "validation_required", "Cannot be blank.");
        } else if (n < 1) {
            errors.add(prefix + "." + key, "validation_min_greater_equal_than_required", "Must be no less than 1");
        }
        return n;
    }
}
