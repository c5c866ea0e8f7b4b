package dev.basalt.auth;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.FileField;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code mappedFields.avatarURL} of an OAuth2 sign-up, as PocketBase: into a file field the avatar is downloaded
 * and uploaded as if the client had sent it (so the field's size and type rules and the file storage apply); into
 * any other field the URL is written. A failed download only leaves the field empty (PocketBase logs it and goes
 * on). As PocketBase, only http(s) hosts that resolve to public addresses are fetched (the provider is trusted,
 * but a compromised one must not make the server probe its own network); Basalt also wants an {@code image/*}
 * answer and refuses bodies larger than the field allows. Existing records are never changed (PocketBase maps
 * fields only on sign-up).
 */
@Component
class OAuth2Avatars {
    /** Largest avatar read (PocketBase's default body limit); a file field's smaller {@code maxSize} wins. */
    static final long MAX_AVATAR_BYTES = 32L << 20;
    /** The whole download, as PocketBase's 10 s context. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Redirects followed; each hop's host is checked again. */
    static final int MAX_REDIRECTS = 5;
    private static final Logger log = LoggerFactory.getLogger(OAuth2Avatars.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final boolean privateAddresses;

    /** @param privateAddresses whether hosts on loopback and private networks may be fetched (tests only) */
    OAuth2Avatars(@Value("${basalt.oauth2.avatar-private-addresses:false}") boolean privateAddresses) {
        this.privateAddresses = privateAddresses;
    }

    /**
     * Puts the avatar into {@code body} under the mapped field, unless the body (createData) has that field or
     * there is no such field or URL.
     */
    void map(Collection c, Map<String, Object> body, Object mappedField, String url) {
        if (!(mappedField instanceof String name) || name.isEmpty() || url == null || url.isEmpty()
                || body.containsKey(name)) {
            return;
        }
        Field field = c.field(name).orElse(null);
        if (field instanceof FileField file) {
            try {
                body.put(name, download(url, Math.min(MAX_AVATAR_BYTES, file.sizeLimit())));
            } catch (AvatarException e) {
                log.warn("Failed to retrieve the OAuth2 avatar: {}", e.getMessage());
            }
        } else if (field != null) {
            body.put(name, url);
        }
    }

    /** The image at {@code url} as an upload. */
    AvatarFile download(String url, long maxBytes) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        URI uri = checked(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(left).header("Accept", "image/*").GET().build();
            HttpResponse<InputStream> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new AvatarException(uri.getHost() + ": " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AvatarException("interrupted");
            }
            try (InputStream in = r.body()) {
                if (r.statusCode() / 100 == 3 && r.headers().firstValue("Location").isPresent()) {
                    uri = checked(uri.resolve(r.headers().firstValue("Location").get()).toString());
                    continue;
                }
                if (r.statusCode() / 100 != 2) {
                    throw new AvatarException(uri.getHost() + " answered " + r.statusCode());
                }
                String type = r.headers().firstValue("Content-Type").orElse("").toLowerCase();
                if (!type.startsWith("image/")) {
                    throw new AvatarException(uri.getHost() + " answered " + (type.isEmpty() ? "no type" : type));
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new AvatarException("the avatar is larger than " + maxBytes + " bytes");
                }
                return new AvatarFile(fileName(uri), type.replaceFirst(";.*", "").trim(), bytes);
            } catch (IOException e) {
                throw new AvatarException(uri.getHost() + ": " + e.getClass().getSimpleName());
            }
        }
        throw new AvatarException("too many redirects");
    }

    /** The URL, when it is http(s) and its host resolves to public addresses only. */
    private URI checked(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new AvatarException("invalid URL");
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new AvatarException("not an http(s) URL");
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                if (!privateAddresses && internal(a)) {
                    throw new AvatarException(uri.getHost() + " resolves to a disallowed address");
                }
            }
        } catch (UnknownHostException e) {
            throw new AvatarException(uri.getHost() + " does not resolve");
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

    /** The URL path's last segment, as PocketBase names the file; the upload code generates the stored name. */
    private static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? "avatar" : last;
    }

    /** Why an avatar was not taken; logged, never shown to clients. */
    static final class AvatarException extends RuntimeException {
        AvatarException(String message) {
            super(message);
        }
    }
}
