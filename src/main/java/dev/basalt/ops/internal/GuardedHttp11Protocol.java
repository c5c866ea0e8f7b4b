package dev.basalt.ops.internal;

import org.apache.coyote.Processor;
import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's HTTP/1.1 NIO protocol with Basalt's connection guards: a deadline for each request head
 * ({@link HeadDeadlineProcessor}) and a cap on connections per remote address ({@link CappedNioEndpoint}).
 * Tomcat instantiates it by class name, so the settings arrive through setters before the connector starts.
 */
public class GuardedHttp11Protocol extends Http11NioProtocol {
    private volatile long headTimeoutMillis;

    public GuardedHttp11Protocol() {
        super(new CappedNioEndpoint());
    }

    /** Longest time from a request's first byte to the end of its headers; 0: no deadline. */
    public void setHeadTimeoutMillis(long millis) {
        headTimeoutMillis = Math.max(millis, 0);
    }

    public long getHeadTimeoutMillis() {
        return headTimeoutMillis;
    }

    /** At most this many open connections per remote socket address; 0: no cap. */
    public void setMaxConnectionsPerAddress(int max) {
        ((CappedNioEndpoint) getEndpoint()).setMaxConnectionsPerAddress(max);
    }

    public int getMaxConnectionsPerAddress() {
        return ((CappedNioEndpoint) getEndpoint()).getMaxConnectionsPerAddress();
    }

    @Override
    protected Processor createProcessor() {
        return new HeadDeadlineProcessor(this, getAdapter(), headTimeoutMillis);
    }
}
