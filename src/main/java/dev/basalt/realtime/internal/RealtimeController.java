package dev.basalt.realtime.internal;

import dev.basalt.realtime.SessionCheck;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * PocketBase's realtime API. {@code GET /api/realtime} holds an SSE stream on a virtual thread (idle streams cost
 * no platform thread): {@code PB_CONNECT} first, then events, keep-alive comments while quiet, and the stream ends
 * after {@link #IDLE_TIMEOUT} without events, as in PocketBase. {@code POST /api/realtime} sets a client's
 * subscriptions and binds the caller of that request.
 */
@RestController
@RequestMapping("/api/realtime")
class RealtimeController {
    /** A stream without events for this long is closed (PocketBase: 5 minutes); the SDK reconnects. */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);
    /** Interval of keep-alive comments on a quiet stream. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(30);
    private static final String BEARER = "Bearer ";

    private final Broker broker;
    private final ObjectProvider<SessionCheck> sessions;

    RealtimeController(Broker broker, ObjectProvider<SessionCheck> sessions) {
        this.broker = broker;
        this.sessions = sessions;
    }

    @GetMapping
    void connect(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        Client client = broker.register();
        try {
            OutputStream out = response.getOutputStream();
            write(out, SseFrames.event(client.id(), "PB_CONNECT", "{\"clientId\":\"" + client.id() + "\"}"));
            long idleDeadline = System.nanoTime() + IDLE_TIMEOUT.toNanos();
            while (true) {
                long remaining = idleDeadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                String frame = client.next(Math.min(KEEP_ALIVE.toMillis(), Duration.ofNanos(remaining).toMillis() + 1));
                if (frame == null) {
                    break;
                }
                if (frame.equals(Client.TIMEOUT)) {
                    if (idleDeadline - System.nanoTime() > 0) {
                        write(out, SseFrames.KEEP_ALIVE);
                    }
                } else {
                    write(out, frame);
                    idleDeadline = System.nanoTime() + IDLE_TIMEOUT.toNanos();
                }
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            broker.unregister(client);
        }
    }

    @PostMapping
    ResponseEntity<Void> subscribe(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(SubscribeRequest.MAX_BODY_BYTES + 1);
        }
        SubscribeRequest form = SubscribeRequest.parse(body);
        Client client = broker.find(form.clientId())
                .orElseThrow(() -> ApiException.notFound("Missing or invalid client id."));
        Caller caller = Caller.of(request);
        Caller previous = client.session().caller();
        if (!previous.anonymous() && !sameAuth(previous, caller)) {
            throw ApiException.forbidden("The current and the previous request authorization don't match.");
        }
        broker.subscribe(client, session(caller, request.getHeader("Authorization")), form.subscriptions());
        return ResponseEntity.noContent().build();
    }

    private Client.Session session(Caller caller, String header) {
        if (caller.anonymous() || header == null) {
            return Client.Session.ANONYMOUS;
        }
        String token = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : header.trim();
        SessionCheck check = sessions.getIfAvailable();
        Instant expires = check == null ? null : check.expiresAt(token).orElse(Instant.EPOCH);
        return new Client.Session(caller, token, expires);
    }

    private static boolean sameAuth(Caller a, Caller b) {
        return a.id().equals(b.id()) && a.collectionId().equals(b.collectionId());
    }

    private static void write(OutputStream out, String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
