package dev.basalt.webhooks.internal;

import dev.basalt.webhooks.WebhookSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Sends one delivery: {@code POST url} with the stored JSON body and the {@code X-Basalt-*} headers. Redirects are
 * not followed (one could lead to an internal address), and unless {@link WebhookSettings#privateAddresses()}
 * allows it, a URL whose host resolves to a loopback, private, link-local or multicast address is refused
 * before any connection is made.
 */
@Component
class WebhookSender {
    /** Connecting and waiting for the whole answer each take at most this long. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Longest error text kept on a delivery. */
    static final int MAX_ERROR = 500;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final WebhookSettings settings;
    private final Clock clock;

    WebhookSender(WebhookSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** What one attempt gave. */
    record Outcome(boolean delivered, boolean retry, int status, int millis, String error) {
    }

    Outcome send(String url, String secret, String deliveryId, String body) {
        URI uri;
        try {
            uri = checked(url);
        } catch (RefusedUrl e) {
            return new Outcome(false, e.retry, 0, 0, e.getMessage());
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Basalt-Webhooks")
                .header("X-Basalt-Delivery", deliveryId)
                .header("X-Basalt-Timestamp", Long.toString(timestamp))
                .header("X-Basalt-Signature", Signatures.sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int millis = (int) Duration.ofNanos(System.nanoTime() - start).toMillis();
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return new Outcome(ok, !ok, status, millis, ok ? "" : "the receiver answered HTTP " + status);
        } catch (IOException e) {
            int millis = (int) Duration.ofNanos(System.nanoTime() - start).toMillis();
            return new Outcome(false, true, 0, millis, limit(e.getClass().getSimpleName() + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, true, 0, 0, "interrupted while sending (server stopping)");
        }
    }

    private URI checked(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new RefusedUrl("invalid URL", false);
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new RefusedUrl("not an http(s) URL", false);
        }
        if (settings.privateAddresses()) {
            return uri;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                if (internal(a)) {
                    throw new RefusedUrl(uri.getHost() + " resolves to a loopback or private address ("
                            + a.getHostAddress() + "), refused unless BASALT_WEBHOOKS_PRIVATE_ADDRESSES=true", false);
                }
            }
        } catch (UnknownHostException e) {
            throw new RefusedUrl(uri.getHost() + " does not resolve", true); // DNS may answer later
        }
        return uri;
    }

    /** Loopback, unspecified, private (incl. IPv6 unique local), link-local and multicast addresses. */
    static boolean internal(InetAddress a) {
        byte[] b = a.getAddress();
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        return a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()
                || a.isMulticastAddress() || uniqueLocal;
    }

    static String limit(String error) {
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    /** A URL refused before sending; recorded on the delivery, retried only when {@code retry}. */
    static final class RefusedUrl extends RuntimeException {
        final boolean retry;

        RefusedUrl(String message, boolean retry) {
            super(message);
            this.retry = retry;
        }
    }
}
