package dev.basalt.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Slowloris and connection floods over raw sockets: a request head sent one line every 2 s is cut off at
 * {@code basalt.http.header-timeout}, while keep-alive pauses and realtime streams longer than it stay open; with
 * {@code basalt.http.max-connections-per-address} set, connections past the cap are closed on accept.
 */
@Tag("db")
class SlowConnectionsTest {
    private static final int HEADER_TIMEOUT_SECONDS = 4;
    private static final int CAP = 3;
    private static final long LINE_INTERVAL_MILLIS = 2_000;
    private static final long GIVE_UP_MILLIS = 30_000;
    /** The cap test's own loopback source address: other tests' closed streams may still count for 127.0.0.1. */
    private static final String CAPPED_SOURCE = "127.0.0.7";
    private static final String HEALTH = "GET /api/health HTTP/1.1\r\nHost: t\r\n\r\n";
    private static final int FREE_ATTEMPTS = 20;
    private static final long FREE_RETRY_MILLIS = 100;
    private static OpsTestApplication guarded;

    @BeforeAll
    static void start() {
        guarded = OpsTestApplication.start("--basalt.http.header-timeout=" + HEADER_TIMEOUT_SECONDS + "s",
                "--basalt.http.max-connections-per-address=" + CAP);
    }

    @AfterAll
    static void stop() {
        guarded.close();
    }

    @Test
    void aHeadSentOneLineEveryTwoSecondsIsClosedAtTheHeaderTimeout() throws IOException {
        try (Socket socket = connect(guarded)) {
            socket.setSoTimeout((int) LINE_INTERVAL_MILLIS);
            long start = System.nanoTime();
            socket.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: t\r\n".getBytes(StandardCharsets.US_ASCII));
            boolean closed = false;
            for (int line = 0; !closed && millisSince(start) < GIVE_UP_MILLIS; line++) {
                closed = closedWithin(socket);
                if (!closed) {
                    try {
                        socket.getOutputStream().write(("X-Slow-" + line + ": x\r\n").getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        closed = true;
                    }
                }
            }
            assertThat(closed).as("closed by the server").isTrue();
            assertThat(millisSince(start)).isBetween(HEADER_TIMEOUT_SECONDS * 1_000L - 500,
                    HEADER_TIMEOUT_SECONDS * 1_000L + 2 * LINE_INTERVAL_MILLIS);
        }
    }

    @Test
    void aSilentHalfSentHeadIsClosedAtTheHeaderTimeout() throws IOException {
        try (Socket socket = connect(guarded)) {
            socket.setSoTimeout((int) GIVE_UP_MILLIS);
            long start = System.nanoTime();
            socket.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: t\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(closedWithin(socket)).isTrue();
            assertThat(millisSince(start)).isBetween(HEADER_TIMEOUT_SECONDS * 1_000L - 500,
                    HEADER_TIMEOUT_SECONDS * 1_000L + 2_500);
        }
    }

    @Test
    void keepAlivePausesLongerThanTheHeaderTimeoutStayOpen() throws Exception {
        try (Socket socket = connect(guarded)) {
            assertThat(exchange(socket, HEALTH)).startsWith("HTTP/1.1 200");
            Thread.sleep((HEADER_TIMEOUT_SECONDS + 2) * 1_000L);
            assertThat(exchange(socket, HEALTH)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aRealtimeStreamOutlivesTheHeaderTimeout() throws Exception {
        try (Socket socket = connect(guarded)) {
            socket.getOutputStream().write("GET /api/realtime HTTP/1.1\r\nHost: t\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout((int) GIVE_UP_MILLIS);
            String connect = readUntil(socket.getInputStream(), "PB_CONNECT");
            assertThat(connect).startsWith("HTTP/1.1 200").contains("text/event-stream");
            socket.setSoTimeout((HEADER_TIMEOUT_SECONDS + 2) * 1_000);
            try {
                int next = socket.getInputStream().read();
                assertThat(next).as("the stream is still open").isNotEqualTo(-1);
            } catch (SocketTimeoutException expected) {
                // nothing to say for a while, and the connection is still open: that is the point
            }
        }
    }

    @Test
    void connectionsPastTheCapPerAddressAreClosedAndTheCapFreesWithThem() throws Exception {
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++) {
                open.add(connect(guarded, CAPPED_SOURCE));
            }
            for (Socket socket : open) {
                assertThat(exchange(socket, HEALTH)).startsWith("HTTP/1.1 200");
            }
            try (Socket extra = connect(guarded, CAPPED_SOURCE)) {
                extra.setSoTimeout(5_000);
                assertThat(closedWithin(extra)).as("a connection past the cap is closed").isTrue();
            }
            open.removeFirst().close();
            assertThat(healthWhenFree(guarded)).startsWith("HTTP/1.1 200");
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    @Test
    void withDefaultsThereIsNoCapAndTheHeaderTimeoutIsTwentySeconds() throws IOException {
        try (OpsTestApplication plain = OpsTestApplication.start()) {
            List<Socket> open = new ArrayList<>();
            try {
                for (int i = 0; i < 4 * CAP; i++) {
                    open.add(connect(plain));
                }
                for (Socket socket : open) {
                    assertThat(exchange(socket, HEALTH)).startsWith("HTTP/1.1 200");
                }
            } finally {
                for (Socket socket : open) {
                    socket.close();
                }
            }
            var protocol = (org.apache.coyote.http11.AbstractHttp11Protocol<?>)
                    ((org.springframework.boot.tomcat.TomcatWebServer)
                            ((org.springframework.boot.web.server.context.WebServerApplicationContext) plain.context)
                                    .getWebServer()).getTomcat().getConnector().getProtocolHandler();
            assertThat(protocol).hasFieldOrPropertyWithValue("headTimeoutMillis", 20_000L)
                    .hasFieldOrPropertyWithValue("maxConnectionsPerAddress", 0);
        }
    }

    private static Socket connect(OpsTestApplication app) throws IOException {
        return connect(app, "127.0.0.1");
    }

    private static Socket connect(OpsTestApplication app, String source) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(source, 0));
        socket.connect(new InetSocketAddress("127.0.0.1",
                Integer.parseInt(app.baseUrl.substring(app.baseUrl.lastIndexOf(':') + 1))));
        socket.setSoTimeout((int) GIVE_UP_MILLIS);
        return socket;
    }

    /** The health answer over a new capped connection once the server has counted a closed one out. */
    private static String healthWhenFree(OpsTestApplication app) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try (Socket socket = connect(app, CAPPED_SOURCE)) {
                return exchange(socket, HEALTH);
            } catch (IOException | UncheckedIOException e) {
                if (attempt == FREE_ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(FREE_RETRY_MILLIS);
            }
        }
    }

    /** True when the server closes the connection before the socket's read timeout, false on the timeout. */
    private static boolean closedWithin(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            while (in.read() != -1) {
                // an error answer may come first; the close is what counts
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Sends a request and reads one response with a Content-Length body. */
    private static String exchange(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        String head = readUntil(in, "\r\n\r\n");
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        while (!read.toString(StandardCharsets.ISO_8859_1).contains(end)) {
            int b = in.read();
            if (b == -1) {
                throw new UncheckedIOException(new IOException("closed after: " + read));
            }
            read.write(b);
        }
        return read.toString(StandardCharsets.ISO_8859_1);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
