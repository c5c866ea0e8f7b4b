package dev.basalt.auth;

import dev.basalt.settings.Settings;
import dev.basalt.settings.SettingsStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The client's IP address as PocketBase's {@code RealIP()} finds it: the first header of the {@code trustedProxy}
 * settings that the request carries (its leftmost or, by default, rightmost comma-separated entry), when that entry
 * is an IP address; otherwise the connection's remote address. Behind a reverse proxy this gives per-client limits
 * instead of one limit for the whole site; without trusted headers, forged headers are ignored.
 */
@Component
public class ClientAddress implements dev.basalt.realtime.RequestAddress {
    /** IPv4 or IPv6 text, nothing else (a header value is client input). */
    private static final Pattern IP = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]{2,45}");
    private final SettingsStore settings;

    ClientAddress(SettingsStore settings) {
        this.settings = settings;
    }

    /** The address of the client that sent {@code request}. */
    @Override
    public String of(HttpServletRequest request) {
        Settings.TrustedProxy proxy = settings.recent().trustedProxy();
        for (String header : proxy.headers()) {
            String value = request.getHeader(header);
            if (value == null || value.isBlank()) {
                continue;
            }
            String[] entries = value.split(",");
            String candidate = (proxy.useLeftmostIP() ? entries[0] : entries[entries.length - 1]).trim();
            if (IP.matcher(candidate).matches()) {
                return candidate;
            }
        }
        return request.getRemoteAddr();
    }
}
