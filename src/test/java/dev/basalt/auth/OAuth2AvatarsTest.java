package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.basalt.testing.FakeOidcProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Avatar downloads against a real HTTP server on 127.0.0.1: types, sizes, redirects, refused addresses. */
class OAuth2AvatarsTest {
    private static HttpServer http;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/a/me.png", e -> send(e, 200, "image/png", FakeOidcProvider.AVATAR));
        http.createContext("/page", e -> send(e, 200, "text/html", "<html></html>".getBytes()));
        http.createContext("/big.png", e -> send(e, 200, "image/png", new byte[2048]));
        http.createContext("/gone", e -> send(e, 404, "image/png", new byte[1]));
        http.createContext("/moved", e -> {
            e.getResponseHeaders().add("Location", "/a/me.png");
            e.sendResponseHeaders(302, -1);
            e.close();
        });
        http.start();
        base = "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        http.stop(0);
    }

    @Test
    void downloadsImagesFollowingRedirects() {
        OAuth2Avatars avatars = new OAuth2Avatars(true);
        AvatarFile file = avatars.download(base + "/moved", OAuth2Avatars.MAX_AVATAR_BYTES);
        assertThat(file.getBytes()).isEqualTo(FakeOidcProvider.AVATAR);
        assertThat(file.getOriginalFilename()).isEqualTo("me.png");
        assertThat(file.getContentType()).isEqualTo("image/png");
    }

    @Test
    void refusesOtherTypesLargerBodiesErrorsAndOtherSchemes() {
        OAuth2Avatars avatars = new OAuth2Avatars(true);
        assertThatThrownBy(() -> avatars.download(base + "/page", 1000)).hasMessageContaining("text/html");
        assertThatThrownBy(() -> avatars.download(base + "/big.png", 1000)).hasMessageContaining("larger than 1000");
        assertThat(avatars.download(base + "/big.png", 2048).getSize()).isEqualTo(2048);
        assertThatThrownBy(() -> avatars.download(base + "/gone", 1000)).hasMessageContaining("404");
        assertThatThrownBy(() -> avatars.download("file:///etc/passwd", 1000)).hasMessageContaining("http(s)");
    }

    @Test
    void refusesLoopbackAndPrivateAddressesUnlessAllowed() throws Exception {
        OAuth2Avatars production = new OAuth2Avatars(false);
        assertThatThrownBy(() -> production.download(base + "/a/me.png", 1000))
                .hasMessageContaining("disallowed address");
        for (String internal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "::1", "fd00::1", "fe80::1", "224.0.0.1"}) {
            assertThat(OAuth2Avatars.internal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        assertThat(OAuth2Avatars.internal(InetAddress.getByName("93.184.216.34"))).isFalse();
        assertThat(OAuth2Avatars.internal(InetAddress.getByName("2606:2800:220:1::1"))).isFalse();
    }

    private static void send(com.sun.net.httpserver.HttpExchange e, int status, String type, byte[] body)
            throws IOException {
        e.getResponseHeaders().add("Content-Type", type);
        e.sendResponseHeaders(status, body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
    }
}
