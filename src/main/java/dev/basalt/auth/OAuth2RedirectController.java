package dev.basalt.auth;

import dev.basalt.records.RequestBodies;
import dev.basalt.realtime.ClientMessages;
import dev.basalt.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * PocketBase's {@code GET/POST /api/oauth2-redirect}, the provider's redirect target of the SDK's all-in-one
 * {@code authWithOAuth2()}: the SDK subscribed a realtime client to {@value #TOPIC} and passed its id as the OAuth2
 * {@code state}; this endpoint sends {@code {state, code, error}} to that client (on whichever node it is
 * connected to, {@link ClientMessages}), which then calls {@code auth-with-oauth2}. The client must be subscribed to
 * the topic and connected from the address that completes the redirect (PocketBase's check against XSRF). Without
 * a bundled admin UI, PocketBase answers with a short page rather than redirecting to it; so does Basalt.
 */
@RestController
class OAuth2RedirectController {
    /** The realtime topic the SDK subscribes to. */
    static final String TOPIC = "@oauth2";
    private static final Logger log = LoggerFactory.getLogger(OAuth2RedirectController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType HTML = MediaType.parseMediaType("text/html; charset=utf-8");
    private static final String SUCCESS = page("Signed in",
            "Authentication completed. You can close this window and return to the app.");
    private static final String FAILURE = page("Sign-in failed",
            "Authentication failed. You can close this window and try again from the app.");
    private final ClientMessages messages;
    private final ClientAddress addresses;
    private final RequestBodies bodies;

    OAuth2RedirectController(ClientMessages messages, ClientAddress addresses, RequestBodies bodies) {
        this.messages = messages;
        this.addresses = addresses;
        this.bodies = bodies;
    }

    @GetMapping("/api/oauth2-redirect")
    ResponseEntity<String> redirect(HttpServletRequest request) {
        return forward(request, request.getParameter("state"), request.getParameter("code"),
                request.getParameter("error"));
    }

    /** Providers answering with {@code response_mode=form_post} (e.g. Apple) post the same fields as a form. */
    @PostMapping("/api/oauth2-redirect")
    ResponseEntity<String> formPost(HttpServletRequest request) {
        Map<String, Object> body;
        try {
            body = bodies.read(request);
        } catch (ApiException e) {
            log.debug("Unreadable OAuth2 redirect body: {}", e.getMessage());
            return page(false);
        }
        return forward(request, AuthController.text(body, "state"), AuthController.text(body, "code"),
                AuthController.text(body, "error"));
    }

    private ResponseEntity<String> forward(HttpServletRequest request, String state, String code, String error) {
        if (state == null || state.isEmpty()) {
            log.debug("OAuth2 redirect without state");
            return page(false);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("state", state);
        data.put("code", code == null ? "" : code);
        if (error != null && !error.isEmpty()) {
            data.put("error", error);
        }
        if (!messages.send(state, TOPIC, JSON.writeValueAsString(data), addresses.of(request))) {
            log.debug("OAuth2 redirect for an unknown, unsubscribed or foreign realtime client {}", state);
            return page(false);
        }
        return page((error == null || error.isEmpty()) && code != null && !code.isEmpty());
    }

    private static ResponseEntity<String> page(boolean success) {
        return ResponseEntity.ok().contentType(HTML).header("Cache-Control", "no-store")
                .body(success ? SUCCESS : FAILURE);
    }

    private static String page(String title, String text) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>"
                + "<body style=\"font-family:sans-serif;text-align:center;margin-top:15vh\"><h1>" + title + "</h1>"
                + "<p>" + text + "</p></body></html>";
    }
}
