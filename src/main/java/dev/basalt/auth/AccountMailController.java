package dev.basalt.auth;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.records.RequestBodies;
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
    private final RequestBodies bodies;
    private final AuthRateLimiter limiter;

    AccountMailController(CollectionRegistry collections, AccountMails mails, RequestBodies bodies,
                          AuthRateLimiter limiter) {
        this.limiter = limiter;
        this.collections = collections;
        this.mails = mails;
        this.bodies = bodies;
    }

    @PostMapping(BASE + "request-verification")
    ResponseEntity<Void> requestVerification(@PathVariable String collection, HttpServletRequest request) {
        Collection c = find(collection);
        String email = text(bodies.read(request), "email");
        limiter.check(request, c, email);
        mails.requestVerification(c, email);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(BASE + "confirm-verification")
    ResponseEntity<Void> confirmVerification(@PathVariable String collection, HttpServletRequest request) {
        Collection c = find(collection);
        limiter.check(request, c, null);
        mails.confirmVerification(c, text(bodies.read(request), "token"));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(BASE + "request-password-reset")
    ResponseEntity<Void> requestPasswordReset(@PathVariable String collection, HttpServletRequest request) {
        Collection c = find(collection);
        String email = text(bodies.read(request), "email");
        limiter.check(request, c, email);
        mails.requestPasswordReset(c, email);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(BASE + "confirm-password-reset")
    ResponseEntity<Void> confirmPasswordReset(@PathVariable String collection, HttpServletRequest request) {
        Map<String, Object> body = bodies.read(request);
        Collection c = find(collection);
        limiter.check(request, c, null);
        mails.confirmPasswordReset(c, text(body, "token"), text(body, "password"),
                text(body, "passwordConfirm"));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(BASE + "request-email-change")
    ResponseEntity<Void> requestEmailChange(@PathVariable String collection, HttpServletRequest request) {
        Collection c = find(collection);
        limiter.check(request, c, Caller.of(request).id());
        mails.requestEmailChange(c, Caller.of(request), text(bodies.read(request), "newEmail"));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(BASE + "confirm-email-change")
    ResponseEntity<Void> confirmEmailChange(@PathVariable String collection, HttpServletRequest request) {
        Map<String, Object> body = bodies.read(request);
        Collection c = find(collection);
        limiter.check(request, c, null);
        mails.confirmEmailChange(c, text(body, "token"), text(body, "password"));
        return ResponseEntity.noContent().build();
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
