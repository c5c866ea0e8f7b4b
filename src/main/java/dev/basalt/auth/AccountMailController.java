package dev.basalt.auth;

import dev.basalt.auth.AuthRequestInterceptor.Kind;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * PocketBase's mail endpoints of auth collections, each answering 204: {@code request-verification},
 * {@code confirm-verification}, {@code request-password-reset}, {@code confirm-password-reset},
 * {@code request-email-change} (the signed-in record) and {@code confirm-email-change}.
 */
@RestController
class AccountMailController {
    private static final String BASE = "/api/collections/{collection}/";
    private final CollectionRegistry collections;
    private final AccountMails mails;
    private final AuthRateLimiter limiter;
    private final AuthRequests hooked;

    AccountMailController(CollectionRegistry collections, AccountMails mails, AuthRateLimiter limiter,
                          AuthRequests hooked) {
        this.hooked = hooked;
        this.limiter = limiter;
        this.collections = collections;
        this.mails = mails;
    }

    @PostMapping(BASE + "request-verification")
    ResponseEntity<Object> requestVerification(@PathVariable String collection, HttpServletRequest request) {
        Collection c = find(collection);
        return hooked.run(Kind.REQUEST_VERIFICATION, request, c, body -> {
            String email = text(body, "email");
            limiter.check(request, c, email);
            mails.requestVerification(c, email);
            return null;
        });
    }

    @PostMapping(BASE + "confirm-verification")
    ResponseEntity<Object> confirmVerification(@PathVariable String collection, HttpServletRequest request) {
        Collection c = find(collection);
        return hooked.run(Kind.CONFIRM_VERIFICATION, request, c, body -> {
            limiter.check(request, c, null);
            mails.confirmVerification(c, text(body, "token"));
            return null;
        });
    }

    @PostMapping(BASE + "request-password-reset")
    ResponseEntity<Object> requestPasswordReset(@PathVariable String collection, HttpServletRequest request) {
        Collection c = find(collection);
        return hooked.run(Kind.REQUEST_PASSWORD_RESET, request, c, body -> {
            String email = text(body, "email");
            limiter.check(request, c, email);
            mails.requestPasswordReset(c, email);
            return null;
        });
    }

    @PostMapping(BASE + "confirm-password-reset")
    ResponseEntity<Object> confirmPasswordReset(@PathVariable String collection, HttpServletRequest request) {
        Collection c = find(collection);
        return hooked.run(Kind.CONFIRM_PASSWORD_RESET, request, c, body -> {
            limiter.check(request, c, null);
            mails.confirmPasswordReset(c, text(body, "token"), text(body, "password"),
                    text(body, "passwordConfirm"));
            return null;
        });
    }

    @PostMapping(BASE + "request-email-change")
    ResponseEntity<Object> requestEmailChange(@PathVariable String collection, HttpServletRequest request) {
        Collection c = find(collection);
        return hooked.run(Kind.REQUEST_EMAIL_CHANGE, request, c, body -> {
            limiter.check(request, c, Caller.of(request).id());
            mails.requestEmailChange(c, Caller.of(request), text(body, "newEmail"));
            return null;
        });
    }

    @PostMapping(BASE + "confirm-email-change")
    ResponseEntity<Object> confirmEmailChange(@PathVariable String collection, HttpServletRequest request) {
        Collection c = find(collection);
        return hooked.run(Kind.CONFIRM_EMAIL_CHANGE, request, c, body -> {
            limiter.check(request, c, null);
            mails.confirmEmailChange(c, text(body, "token"), text(body, "password"));
            return null;
        });
    }

    private Collection find(String idOrName) {
        return collections.find(idOrName).filter(Collection::isAuth)
                .orElseThrow(AuthErrors.AUTH_COLLECTION_MISSING::exception);
    }

    private static String text(Map<String, Object> body, String key) {
        Object v = body.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
