package dev.basalt.realtime.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * A client's event stream written straight to its socket. An open servlet request (async or not) keeps Tomcat's
 * whole HTTP processor per stream, ~90 KB of request, response, header and conversion buffers (measured, see
 * docs/benchmarks.md). So the request is handed over with the servlet upgrade API, but answered as a plain
 * {@code 200 text/event-stream} with {@code Connection: close} (the body ends when the connection does, so no
 * chunked framing is needed); Tomcat then recycles the processor, and the stream keeps only the socket and its
 * two buffers. Each frame goes out as UTF-8 bytes with a blocking write and flush on the writer's (virtual)
 * thread; writes and the end are serialised by a lock, so {@link #close()} never cuts a frame.
 */
public final class SseStream implements InternalHttpUpgradeHandler, Client.Sink {
    /** A write that cannot proceed for this long ends the stream (the client stopped reading). */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** Bytes a client may send on the stream are read and dropped in chunks of this size. */
    private static final int DISCARD_BYTES = 256;

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean endedOnce = new AtomicBoolean();
    private volatile SocketWrapperBase<?> socket;
    private volatile boolean ended;
    private volatile Runnable onEnd = () -> { };
    private volatile Consumer<SseStream> onOpen = s -> { };

    /** For Tomcat, which creates the handler; use {@link #open}. */
    public SseStream() {
    }

    /**
     * Answers the request with the stream's status and headers and hands its connection over. {@code onOpen}
     * runs once the socket is ours (after the headers went out), {@code onEnd} once when the stream ends, whoever
     * ends it (the client, an error or {@link #close()}).
     */
    static SseStream open(HttpServletRequest request, HttpServletResponse response, String contentType,
                          Consumer<SseStream> onOpen, Runnable onEnd) throws IOException {
        SseStream stream;
        try {
            stream = request.upgrade(SseStream.class);
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException("The event stream could not take over the connection", e);
        }
        stream.onOpen = onOpen;
        stream.onEnd = onEnd;
        // upgrade() set 101; the SSE clients need a 200, and Tomcat writes whatever status is set when it answers
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Connection", "close");
        // committed now: left to the end of the request, Tomcat would see an empty body and send Content-Length: 0
        response.flushBuffer();
        return stream;
    }

    @Override
    public void setSocketWrapper(SocketWrapperBase<?> wrapper) {
        wrapper.setWriteTimeout(WRITE_TIMEOUT.toMillis());
        socket = wrapper;
    }

    @Override
    public void init(WebConnection connection) {
        if (ended) {
            close(socket);
            return;
        }
        onOpen.accept(this);
    }

    @Override
    public void write(String frame) throws IOException {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        lock.lock();
        try {
            SocketWrapperBase<?> s = socket;
            if (ended || s == null) {
                throw new IOException("The event stream has ended");
            }
            s.write(true, bytes, 0, bytes.length);
            s.flush(true);
        } catch (IOException | RuntimeException e) {
            ended = true;
            close(socket);
            throw e instanceof IOException io ? io : new IOException(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (ended) {
                return;
            }
            ended = true;
        } finally {
            lock.unlock();
        }
        close(socket);
    }

    private void close(SocketWrapperBase<?> s) {
        if (s != null) {
            s.close(); // Tomcat releases the connection and calls destroy()
        }
        ended();
    }

    private void ended() {
        ended = true;
        if (endedOnce.compareAndSet(false, true)) {
            onEnd.run();
        }
    }

    /** Socket events: the client sending (dropped) or closing, errors and the connector stopping. */
    @Override
    public SocketState upgradeDispatch(SocketEvent status) {
        if (status == SocketEvent.OPEN_WRITE) {
            return SocketState.UPGRADED; // writes block on the writer's thread; nothing waits for this
        }
        if (status != SocketEvent.OPEN_READ) {
            ended();
            return SocketState.CLOSED;
        }
        SocketWrapperBase<?> s = socket;
        byte[] discard = new byte[DISCARD_BYTES];
        try {
            int n;
            do {
                n = s.read(false, discard, 0, discard.length);
            } while (n > 0);
            if (n < 0) {
                ended();
                return SocketState.CLOSED;
            }
        } catch (IOException e) {
            ended();
            return SocketState.CLOSED;
        }
        return ended ? SocketState.CLOSED : SocketState.UPGRADED;
    }

    @Override
    public void destroy() {
        ended();
    }

    @Override
    public void timeoutAsync(long now) {
        // no timeouts of its own: the broker ends idle streams
    }

    @Override
    public void setSslSupport(SSLSupport sslSupport) {
        // TLS, when used, is below the socket wrapper
    }

    @Override
    public void pause() {
        // the broker closes every stream before the connector stops
    }
}
