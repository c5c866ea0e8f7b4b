package dev.basalt.realtime.internal;

import dev.basalt.realtime.RealtimeInterceptor;
import dev.basalt.realtime.RequestAddress;
import dev.basalt.realtime.SessionCheck;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * PocketBase's realtime API. {@code GET /api/realtime} opens an SSE stream that takes over the connection
 * ({@link SseStream}): an idle stream holds no thread and no HTTP processor, a short-lived virtual thread writes
 * when frames are queued. {@code PB_CONNECT} first, then events,
 * keep-alive comments while quiet; the {@link Broker} ends it after {@link Broker#IDLE_TIMEOUT} without events, as
 * in PocketBase. {@code POST /api/realtime} sets a client's subscriptions and binds the caller of that request.
 */
@RestController
@RequestMapping("/api/realtime")
class RealtimeController {
    private static final String EVENT_STREAM = "text/event-stream;charset=UTF-8";
    private static final String BEARER = "Bearer ";
    private static final int NO_CONTENT = 204;
    private static final int FORBIDDEN = 403;

    private final Broker broker;
    private final ObjectProvider<SessionCheck> sessions;
    private final ObjectProvider<RequestAddress> addresses;
    private final RemoteSubscriptions remote;
    private final ObjectProvider<RealtimeInterceptor> interceptor;

    RealtimeController(Broker broker, ObjectProvider<SessionCheck> sessions, ObjectProvider<RequestAddress> addresses,
                       RemoteSubscriptions remote, ObjectProvider<RealtimeInterceptor> interceptor) {
        this.broker = broker;
        this.interceptor = interceptor;
        this.remote = remote;
        this.sessions = sessions;
        this.addresses = addresses;
    }

    /** Opens the stream, or answers as a connect hook that did not go on decided (null once the stream is open). */
    @GetMapping
    ResponseEntity<Object> connect(HttpServletRequest request, HttpServletResponse response) {
        Client client = broker.register();
        RequestAddress address = addresses.getIfAvailable();
        client.address(address == null ? request.getRemoteAddr() : address.of(request));
        RealtimeInterceptor hooks = interceptor.getIfAvailable();
        Supplier<ResponseEntity<Object>> open = () -> {
            open(request, response, client, hooks);
            return null;
        };
        boolean[] opened = {false};
        try {
            ResponseEntity<Object> answer = hooks == null ? open.get()
                    : hooks.aroundConnect(request, client.id(), () -> {
                        opened[0] = true;
                        return open.get();
                    });
            if (hooks == null || opened[0]) {
                return null;
            }
            broker.unregister(client);
            return answer != null ? answer : ResponseEntity.noContent().build();
        } catch (RuntimeException e) {
            if (!opened[0]) {
                broker.unregister(client);
            }
            throw e;
        }
    }

    private void open(HttpServletRequest request, HttpServletResponse response, Client client,
                      RealtimeInterceptor hooks) {
        String connected = SseFrames.event(client.id(), "PB_CONNECT", "{\"clientId\":\"" + client.id() + "\"}");
        // PB_CONNECT goes out first, once the stream owns the socket; later frames (they need the client id, so
        // come after it) are written by the client's writer thread.
        try {
            SseStream.open(request, response, EVENT_STREAM, stream -> {
                Client.Sink sink = hooks == null ? stream : new MessageSendSink(stream, client.id(), hooks);
                try {
                    sink.write(connected);
                    client.attach(sink);
                } catch (IOException e) {
                    broker.unregister(client); // the client went away before its first frame
                }
            }, () -> broker.unregister(client));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @PostMapping
    ResponseEntity<Object> subscribe(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(SubscribeRequest.MAX_BODY_BYTES + 1);
        }
        SubscribeRequest form = SubscribeRequest.parse(body);
        Caller caller = Caller.of(request);
        String token = token(caller, request.getHeader("Authorization"));
        Client client = broker.find(form.clientId()).orElse(null);
        List<String> topics = new ArrayList<>(form.subscriptions());
        Supplier<ResponseEntity<Object>> proceed = () -> {
            int status = client != null
                    ? apply(broker, client, caller, token, sessions.getIfAvailable(), topics)
                    : remote.subscribe(form.clientId(), token, topics);
            return switch (status) {
                case FORBIDDEN -> throw ApiException.forbidden(
                        "The current and the previous request authorization don't match.");
                case RemoteSubscriptions.ABSENT -> throw ApiException.notFound("Missing or invalid client id.");
                default -> ResponseEntity.noContent().build();
            };
        };
        RealtimeInterceptor hooks = interceptor.getIfAvailable();
        ResponseEntity<Object> answer = hooks == null ? proceed.get()
                : hooks.aroundSubscribe(request, form.clientId(), topics, proceed);
        return answer != null ? answer : ResponseEntity.noContent().build();
    }

    /**
     * Applies a subscription request to a client of this node (from this node's request or another node's
     * forwarded one); returns 204, or 403 when the caller is not the one who subscribed before.
     */
    static int apply(Broker broker, Client client, Caller caller, String token, SessionCheck check,
                     List<String> subscriptions) {
        Caller previous = client.session().caller();
        if (!previous.anonymous() && !sameAuth(previous, caller)) {
            return FORBIDDEN;
        }
        broker.subscribe(client, session(caller, token, check), subscriptions);
        return NO_CONTENT;
    }

    private static String token(Caller caller, String header) {
        if (caller.anonymous() || header == null) {
            return "";
        }
        return header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : header.trim();
    }

    private static Client.Session session(Caller caller, String token, SessionCheck check) {
        if (caller.anonymous() || token.isEmpty()) {
            return Client.Session.ANONYMOUS;
        }
        Instant expires = check == null ? null : check.expiresAt(token).orElse(Instant.EPOCH);
        return new Client.Session(caller, token, expires);
    }

    private static boolean sameAuth(Caller a, Caller b) {
        return a.id().equals(b.id()) && a.collectionId().equals(b.collectionId());
    }

}
