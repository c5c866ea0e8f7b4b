package dev.basalt.ops.internal;

import java.io.IOException;
import org.apache.coyote.Adapter;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's HTTP/1.1 processor with a deadline for a whole request line and header block, counted from the
 * request's first byte. Tomcat's connection timeout alone restarts with every byte read, so a client sending one
 * header line every few seconds kept a connection (and its buffers) forever. While a request head is incomplete
 * the socket's read timeout is cut to the time left, so Tomcat's poller closes a silent client at the deadline,
 * and a client that keeps sending is closed at its first bytes past it. Keep-alive waits between requests and
 * long responses (realtime streams) are not request heads and are not limited.
 */
class HeadDeadlineProcessor extends Http11Processor {
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private final AbstractHttp11Protocol<?> protocol;
    private final long deadlineMillis;
    /**
     * The connection this processor was parked on, until more bytes of its incomplete request head arrive. A
     * socket, not a flag: Tomcat recycles processors (its recycle() is final) and hands them to other connections.
     */
    private SocketWrapperBase<?> awaitingHeadOn;

    HeadDeadlineProcessor(AbstractHttp11Protocol<?> protocol, Adapter adapter, long deadlineMillis) {
        super(protocol, adapter);
        this.protocol = protocol;
        this.deadlineMillis = deadlineMillis;
    }

    @Override
    public SocketState service(SocketWrapperBase<?> socket) throws IOException {
        if (awaitingHeadOn == socket && getRequest().getStartTimeNanos() >= 0) {
            if (millisLeft() <= 0) {
                return SocketState.CLOSED;
            }
            // a body read after this head completes gets Tomcat's usual timeout, not the rest of the deadline
            socket.setReadTimeout(protocol.getConnectionTimeout());
        }
        SocketState state = super.service(socket);
        boolean awaitingHead = deadlineMillis > 0 && state == SocketState.LONG && !isAsync()
                && getRequest().getStartTimeNanos() >= 0;
        awaitingHeadOn = awaitingHead ? socket : null;
        if (awaitingHead) {
            long left = millisLeft();
            if (left <= 0) {
                return SocketState.CLOSED;
            }
            long timeout = socket.getReadTimeout();
            socket.setReadTimeout(timeout > 0 ? Math.min(timeout, left) : left);
        }
        return state;
    }

    private long millisLeft() {
        long elapsed = (System.nanoTime() - getRequest().getStartTimeNanos()) / NANOS_PER_MILLI;
        return deadlineMillis - elapsed;
    }
}
