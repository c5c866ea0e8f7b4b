package dev.basalt.ops.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tomcat.util.net.AbstractEndpoint;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's NIO endpoint with a cap on open connections per remote socket address: a connection past the cap is
 * closed as soon as it is accepted, before Tomcat reads a byte or allocates buffers for it. The cap counts sockets,
 * so it is the TCP peer's address (behind a reverse proxy: the proxy's), not the client address of
 * {@code dev.basalt.auth.ClientAddress}, which comes from request headers that an unread connection has not sent.
 */
public class CappedNioEndpoint extends NioEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(CappedNioEndpoint.class);
    private final ConnectionsPerAddress perAddress = new ConnectionsPerAddress();
    /** The address each counted socket was counted under, so its close releases it exactly once. */
    private final ConcurrentHashMap<SocketChannel, InetAddress> counted = new ConcurrentHashMap<>();

    /** At most {@code max} open connections per remote address; 0: no cap. Takes effect for new connections. */
    public void setMaxConnectionsPerAddress(int max) {
        perAddress.setMax(max);
    }

    public int getMaxConnectionsPerAddress() {
        return Math.max(perAddress.max(), 0);
    }

    @Override
    protected boolean setSocketOptions(SocketChannel socket) {
        InetAddress address = perAddress.enabled() ? remoteAddress(socket) : null;
        if (address == null) {
            return super.setSocketOptions(socket);
        }
        if (!perAddress.tryAcquire(address)) {
            LOG.debug("Refused a connection from {}: it has {} open", address.getHostAddress(),
                    perAddress.count(address));
            destroySocket(socket);
            return false;
        }
        counted.put(socket, address);
        // the acceptor closes a socket Tomcat refused; without a wrapper no close reaches release(), so release here
        boolean accepted = super.setSocketOptions(socket);
        if (!accepted && !connections.containsKey(socket)) {
            release(socket);
        }
        return accepted;
    }

    @Override
    public void setHandler(Handler<NioChannel> handler) {
        super.setHandler(new ReleasingHandler(handler));
    }

    private void release(SocketChannel socket) {
        InetAddress address = counted.remove(socket);
        if (address != null) {
            perAddress.release(address);
        }
    }

    private static InetAddress remoteAddress(SocketChannel socket) {
        try {
            return socket.getRemoteAddress() instanceof InetSocketAddress inet ? inet.getAddress() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Tomcat's connection handler, plus releasing the closed socket's count (Tomcat calls release on close). */
    private final class ReleasingHandler implements AbstractEndpoint.Handler<NioChannel> {
        private final Handler<NioChannel> delegate;

        ReleasingHandler(Handler<NioChannel> delegate) {
            this.delegate = delegate;
        }

        @Override
        public SocketState process(SocketWrapperBase<NioChannel> socket, SocketEvent status) {
            return delegate.process(socket, status);
        }

        @Override
        public Object getGlobal() {
            return delegate.getGlobal();
        }

        @Override
        public void release(SocketWrapperBase<NioChannel> socket) {
            try {
                delegate.release(socket);
            } finally {
                NioChannel channel = socket.getSocket();
                if (channel != null && channel.getIOChannel() != null) {
                    CappedNioEndpoint.this.release(channel.getIOChannel());
                }
            }
        }

        @Override
        public void pause() {
            delegate.pause();
        }

        @Override
        public void recycle() {
            delegate.recycle();
        }
    }
}
