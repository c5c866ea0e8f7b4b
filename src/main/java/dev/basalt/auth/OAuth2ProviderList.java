package dev.basalt.auth;

import dev.basalt.collections.AuthOptions;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * PocketBase's {@code GET /api/collections/meta/oauth2-providers} (superusers): {@code [{name, displayName,
 * logo}]} for every provider an auth collection may configure ({@link AuthOptions.OAuth2#PROVIDERS}), in
 * PocketBase's order (its per-provider rank, then the name). PocketBase's logos are its own SVG artwork, which
 * Basalt does not copy: {@code logo} is a plain SVG monogram of the display name.
 */
@RestController
class OAuth2ProviderList {
    /** Display name and PocketBase's rank of each provider Basalt supports; generic OpenID Connect ranks last. */
    private static final Map<String, Entry> KNOWN = Map.of(
            "google", new Entry("Google", 2),
            "microsoft", new Entry("Microsoft", 3),
            "github", new Entry("GitHub", 7),
            "gitlab", new Entry("GitLab", 8));
    private static final Entry OIDC = new Entry("OIDC", 99);

    private record Entry(String displayName, int order) {
    }

    @GetMapping("/api/collections/meta/oauth2-providers")
    List<Map<String, Object>> list(HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        return providers();
    }

    /** The listing, independent of the request. */
    static List<Map<String, Object>> providers() {
        List<String> names = new ArrayList<>(AuthOptions.OAuth2.PROVIDERS);
        names.sort(Comparator.comparingInt((String n) -> entry(n).order()).thenComparing(Comparator.naturalOrder()));
        List<Map<String, Object>> list = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", name);
            item.put("displayName", entry(name).displayName());
            item.put("logo", monogram(entry(name).displayName()));
            list.add(item);
        }
        return list;
    }

    private static Entry entry(String name) {
        return KNOWN.getOrDefault(name, OIDC);
    }

    /** A square with the display name's first letter (names are fixed ASCII words, nothing to escape). */
    private static String monogram(String displayName) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\">"
                + "<rect width=\"64\" height=\"64\" rx=\"12\" fill=\"#6b7280\"/>"
                + "<text x=\"32\" y=\"43\" font-family=\"sans-serif\" font-size=\"32\" text-anchor=\"middle\""
                + " fill=\"#fff\">" + displayName.charAt(0) + "</text></svg>";
    }
}
