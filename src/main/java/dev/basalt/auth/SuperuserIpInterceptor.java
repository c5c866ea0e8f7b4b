package dev.basalt.auth;

import dev.basalt.settings.IpRanges;
import dev.basalt.settings.SettingsStore;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * PocketBase's {@code superuserIPs}: when the list is not empty, a request authenticated as a superuser from any
 * other address (as {@link ClientAddress} finds it) is refused with 403 on every route, and so is a superuser
 * sign-in ({@code _superusers/auth-with-*}; PocketBase refuses it once the password checked out, Basalt before
 * checking, so that such an address cannot guess passwords either).
 */
@Component
class SuperuserIpInterceptor implements HandlerInterceptor {
    private static final Pattern SIGN_IN = Pattern.compile("/api/collections/([^/]+)/auth-with-[a-z0-9]+");
    private final SettingsStore settings;
    private final ClientAddress addresses;

    SuperuserIpInterceptor(SettingsStore settings, ClientAddress addresses) {
        this.settings = settings;
        this.addresses = addresses;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        boolean superuser = request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller && caller.superuser();
        if (superuser || superuserSignIn(request.getRequestURI())) {
            List<String> allowed = settings.recent().superuserIPs();
            if (!allowed.isEmpty() && !IpRanges.contains(allowed, addresses.of(request))) {
                throw AuthErrors.SUPERUSER_IP_REFUSED.exception();
            }
        }
        return true;
    }

    private static boolean superuserSignIn(String path) {
        Matcher m = SIGN_IN.matcher(path);
        return m.matches() && (m.group(1).equals(SuperuserCollection.NAME) || m.group(1).equals(SuperuserCollection.ID));
    }
}
