package dev.basalt.auth;

import dev.basalt.collections.CollectionRenamed;
import dev.basalt.settings.Settings;
import dev.basalt.settings.SettingsStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps {@code coll:tag} rate limit labels pointing at a renamed collection, as PocketBase does on a rename. */
@Component
class RateLimitLabelRenames {
    private final SettingsStore settings;

    RateLimitLabelRenames(SettingsStore settings) {
        this.settings = settings;
    }

    @EventListener
    void renamed(CollectionRenamed event) {
        String oldPrefix = event.oldName() + ":";
        List<Settings.RateLimitRule> rules = settings.current().rateLimits().rules();
        if (rules.stream().noneMatch(r -> r.label().startsWith(oldPrefix))) {
            return;
        }
        List<Map<String, Object>> renamed = rules.stream().map(r -> {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("label", r.label().startsWith(oldPrefix)
                    ? event.newName() + ":" + r.label().substring(oldPrefix.length()) : r.label());
            rule.put("maxRequests", r.maxRequests());
            rule.put("duration", r.duration());
            rule.put("audience", r.audience());
            return rule;
        }).toList();
        settings.update(Map.of("rateLimits", Map.of("rules", renamed)));
    }
}
