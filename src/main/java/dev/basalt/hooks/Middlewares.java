package dev.basalt.hooks;

import dev.basalt.shared.ApiException;
import dev.basalt.shared.CommonErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.multipart.MultipartRequest;
import java.util.Set;

/** PocketBase's {@code $apis} middlewares for custom routes. */
public final class Middlewares {
    private Middlewares() {
    }

    /**
     * Lets the request through only with a valid token of a record of one of {@code collections} (any auth
     * collection, superusers included, when none is given); 401 otherwise.
     */
    public static HookHandler<RequestEvent> requireAuth(String... collections) {
        Set<String> allowed = Set.of(collections);
        return e -> {
            var caller = e.auth();
            if (caller.id().isEmpty() || (!allowed.isEmpty() && !allowed.contains(caller.collectionName())
                    && !allowed.contains(caller.collectionId()))) {
                throw CommonErrors.AUTH_REQUIRED.exception();
            }
            e.next();
        };
    }

    /** Lets the request through only with a superuser's token; 401 otherwise. */
    public static HookHandler<RequestEvent> requireSuperuserAuth() {
        return e -> {
            if (!e.auth().superuser()) {
                throw ApiException.unauthorized("The request requires valid superuser authorization token.");
            }
            e.next();
        };
    }

    /**
     * Lets the request through for a superuser, or for the auth record whose id is the route's path value
     * {@code ownerIdParam} (e.g. {@code /api/users/{id}/stats}); 401 without a token, 403 for another record.
     */
    public static HookHandler<RequestEvent> requireSuperuserOrOwnerAuth(String ownerIdParam) {
        return e -> {
            var caller = e.auth();
            if (caller.id().isEmpty()) {
                throw ApiException.unauthorized("The request requires superuser or record authorization token.");
            }
            if (!caller.superuser() && !caller.id().equals(e.pathValue(ownerIdParam))) {
                throw CommonErrors.NOT_ALLOWED.exception();
            }
            e.next();
        };
    }

    /**
     * PocketBase's {@code $apis.bodyLimit(bytes)}: 413 when the declared body is longer, and a body read past the
     * limit fails with 413 too (no limit when {@code bytes <= 0}). Bodies the server reads before the middlewares
     * run (multipart and urlencoded forms of the built-in routes) are checked by their declared length only.
     */
    public static HookHandler<RequestEvent> bodyLimit(long bytes) {
        return e -> {
            if (bytes > 0) {
                if (e.request().getContentLengthLong() > bytes) {
                    throw HookErrors.REQUEST_ENTITY_TOO_LARGE.exception();
                }
                if (!(e.request() instanceof MultipartRequest)) { // a parsed multipart body is read already
                    e.request(new LimitedBodyRequest(e.request(), bytes));
                }
            }
            e.next();
        };
    }

    /**
     * PocketBase's {@code $apis.gzip()}: answers gzip-compressed when the client accepts it ({@code Vary:
     * Accept-Encoding} always). Only where the answer has a servlet response (custom routes and {@code routerUse}).
     */
    public static HookHandler<RequestEvent> gzip() {
        return e -> {
            HttpServletResponse response = e.servletResponse();
            if (response != null) {
                response.addHeader("Vary", "Accept-Encoding");
                String accepted = e.request().getHeader("Accept-Encoding");
                if (accepted != null && accepted.contains("gzip") && !(response instanceof GzipResponse)) {
                    e.servletResponse(new GzipResponse(response));
                }
            }
            e.next();
        };
    }

    /** Ends a compressed answer of {@link #gzip()} once it is written (by whoever wrote it). */
    static void finish(RequestEvent e) throws java.io.IOException {
        if (e.servletResponse() instanceof GzipResponse gzip) {
            gzip.finish();
        }
    }

    /** Lets the request through only without a token (e.g. sign-up pages); 400 otherwise, as PocketBase. */
    public static HookHandler<RequestEvent> requireGuestOnly() {
        return e -> {
            if (!e.auth().id().isEmpty()) {
                throw ApiException.badRequest("The request can be accessed only by guests.");
            }
            e.next();
        };
    }
}
