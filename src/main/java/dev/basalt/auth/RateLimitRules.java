package dev.basalt.auth;

import dev.basalt.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which rate limit rule applies to a request, as PocketBase picks it: the labels of the request are tried in order
 * (its tags, e.g. {@code users:create}, then their {@code *:} forms, then {@code METHOD /path}, then {@code /path});
 * for each label an exact rule wins, else the first rule (in settings order) whose label ends with {@code /} and is
 * a prefix of the label followed by {@code /}. Only rules whose audience fits the request count.
 */
final class RateLimitRules {

    private RateLimitRules() {
    }

    /** The labels of a request: {@code collection:tag} for each tag, {@code *:tag} for each, then the two paths. */
    static List<String> labels(String collectionName, List<String> tags, String method, String path) {
        List<String> labels = new ArrayList<>(tags.size() * 2 + 2);
        if (collectionName != null) {
            tags.forEach(tag -> labels.add(collectionName + ":" + tag));
            tags.forEach(tag -> labels.add("*:" + tag));
        }
        labels.add(method + " " + path);
        labels.add(path);
        return labels;
    }

    /** The rule for these labels, for a request with ({@code authenticated}) or without an auth token. */
    static Optional<Settings.RateLimitRule> find(List<Settings.RateLimitRule> rules, List<String> labels,
                                                 boolean authenticated) {
        List<Settings.RateLimitRule> prefixRules = rules.stream().filter(r -> r.label().endsWith("/")).toList();
        for (String label : labels) {
            for (Settings.RateLimitRule rule : rules) {
                if (label.equals(rule.label()) && fits(rule, authenticated)) {
                    return Optional.of(rule);
                }
            }
            for (Settings.RateLimitRule rule : prefixRules) {
                if ((label + "/").startsWith(rule.label()) && fits(rule, authenticated)) {
                    return Optional.of(rule);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean fits(Settings.RateLimitRule rule, boolean authenticated) {
        return switch (rule.audience()) {
            case Settings.RateLimitRule.EVERYONE -> true;
            case Settings.RateLimitRule.AUTH -> authenticated;
            case Settings.RateLimitRule.GUEST -> !authenticated;
            default -> false;
        };
    }
}
