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
 * logo}]} for every provider an auth collection may configure ({@link AuthOptions.OAuth2#PROVIDERS}, each defined
 * in the {@link ProviderCatalogue}), in PocketBase's order (its per-provider rank, then the name). PocketBase's
 * logos are its own SVG artwork, which Basalt does not copy: {@code logo} is a plain SVG monogram of the display
 * name.
 */
@RestController
class OAuth2ProviderList {
    @GetMapping("/api/collections/meta/oauth2-providers")
    List<Map<String, Object>> list(HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        return providers();
    }

    /** The listing, independent of the request. */
    static List<Map<String, Object>> providers() {
        List<String> names = new ArrayList<>(AuthOptions.OAuth2.PROVIDERS);
        names.sort(Comparator.comparingInt((String n) -> ProviderCatalogue.spec(n).order())
                .thenComparing(Comparator.naturalOrder()));
        List<Map<String, Object>> list = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", name);
            String displayName = ProviderCatalogue.spec(name).displayName();
            item.put("displayName", displayName);
            item.put("logo", monogram(displayName));
            list.add(item);
        }
        return list;
    }

    /**
     * A square with the display name's first letter. Only catalogue names (fixed words without markup characters)
     * are drawn, never a display name from the settings.
     */
    static String monogram(String displayName) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\">"
                + "<rect width=\"64\" height=\"64\" rx=\"12\" fill=\"#6b7280\"/>"
                + "<text x=\"32\" y=\"43\" font-family=\"sans-serif\" font-size=\"32\" text-anchor=\"middle\""
                + " fill=\"#fff\">" + displayName.charAt(0) + "</text></svg>";
    }
}
