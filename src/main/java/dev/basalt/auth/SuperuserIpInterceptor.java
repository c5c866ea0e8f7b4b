package dev.basalt.auth;

import dev.basalt.settings.IpRanges;
import dev.basalt.settings.SettingsStore;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * PocketBase's {@code superuserIPs}: when the list is not empty, a request authenticated as a superuser from any
 * other address (as {@link ClientAddress} finds it) is refused with 403 on every route.
 */
@Component
class SuperuserIpInterceptor implements HandlerInterceptor {
    private final SettingsStore settings;
    private final ClientAddress addresses;

    SuperuserIpInterceptor(SettingsStore settings, ClientAddress addresses) {
        this.settings = settings;
        this.addresses = addresses;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller && caller.superuser()) {
            List<String> allowed = settings.recent().superuserIPs();
            if (!allowed.isEmpty() && !IpRanges.contains(allowed, addresses.of(request))) {
                throw ApiException.forbidden("The authorized record is not allowed to perform this action.");
            }
        }
        return true;
    }
}
