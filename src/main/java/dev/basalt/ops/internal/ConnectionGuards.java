package dev.basalt.ops.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link GuardedHttp11Protocol} under Tomcat's connector with {@code basalt.http.header-timeout} (default
 * {@value #DEFAULT_HEADER_TIMEOUT}; 0 turns it off) and {@code basalt.http.max-connections-per-address} (default 0:
 * no cap). Slow or many connections are refused in the connector, where they cost buffers and sockets, since
 * they never reach a servlet filter: an idle or half-sent request has no request object yet.
 */
@Component
class ConnectionGuards implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    static final String DEFAULT_HEADER_TIMEOUT = "20s";
    private final Duration headerTimeout;
    private final int maxConnectionsPerAddress;

    ConnectionGuards(@Value("${basalt.http.header-timeout:" + DEFAULT_HEADER_TIMEOUT + "}") Duration headerTimeout,
                     @Value("${basalt.http.max-connections-per-address:0}") int maxConnectionsPerAddress) {
        if (headerTimeout.isNegative() || maxConnectionsPerAddress < 0) {
            throw new IllegalArgumentException("basalt.http.header-timeout and basalt.http.max-connections-per-address"
                    + " must not be negative");
        }
        this.headerTimeout = headerTimeout;
        this.maxConnectionsPerAddress = maxConnectionsPerAddress;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.setProtocol(GuardedHttp11Protocol.class.getName());
        factory.addProtocolHandlerCustomizers(handler -> {
            if (handler instanceof GuardedHttp11Protocol guarded) {
                guarded.setHeadTimeoutMillis(headerTimeout.toMillis());
                guarded.setMaxConnectionsPerAddress(maxConnectionsPerAddress);
            }
        });
    }
}
