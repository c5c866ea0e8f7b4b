package dev.basalt.realtime.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A client's event stream on a servlet async context: each frame goes to the socket as UTF-8 bytes and is flushed.
 * It replaces Spring's {@code ResponseBodyEmitter}, which added per stream a deferred result, an async web request,
 * handler and converter objects, and per frame a pass through the message converters (profiled with 1,000
 * subscribers, see docs/benchmarks.md). Writes and the end are serialised by a lock, so {@link #close()} never
 * completes the response in the middle of a frame.
 */
final class SseStream implements Client.Sink, AsyncListener {
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Runnable onEnd;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean ended;

    private SseStream(AsyncContext async, ServletOutputStream out, Runnable onEnd) {
        this.async = async;
        this.out = out;
        this.onEnd = onEnd;
    }

    /**
     * Starts the stream: status, headers and an async context without timeout (the broker ends idle streams).
     * {@code onEnd} runs once when the stream ends, whoever ends it (the client, an error or {@link #close()}).
     */
    static SseStream open(HttpServletRequest request, HttpServletResponse response, String contentType,
                          Runnable onEnd) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0);
        SseStream stream = new SseStream(async, response.getOutputStream(), onEnd);
        async.addListener(stream);
        return stream;
    }

    @Override
    public void write(String frame) throws IOException {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        lock.lock();
        try {
            if (ended) {
                throw new IOException("The event stream has ended");
            }
            out.write(bytes);
            out.flush();
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
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // the container ended it meanwhile (client gone): nothing left to complete
        }
    }

    private void ended() {
        ended = true;
        onEnd.run();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        ended();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        ended();
    }

    @Override
    public void onError(AsyncEvent event) {
        ended();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
