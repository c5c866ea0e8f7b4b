package dev.basalt.hosting.internal;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * With TLS on ({@code serve --https} plus {@code --http}), a second, plain-HTTP listener at
 * {@code basalt.http-redirect.address:port} that answers every request with a redirect to the same path on the
 * HTTPS port, as PocketBase does when both addresses are given. Tomcat does the redirect: the whole application
 * is marked CONFIDENTIAL, which a request that came over TLS already is.
 */
@Component
@ConditionalOnProperty("basalt.http-redirect.port")
class HttpsRedirect implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    private final String address;
    private final int port;

    HttpsRedirect(@Value("${basalt.http-redirect.address:127.0.0.1}") String address,
                  @Value("${basalt.http-redirect.port}") int port) {
        this.address = address;
        this.port = port;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setScheme("http");
        connector.setPort(port);
        connector.setProperty("address", address);
        connector.setRedirectPort(factory.getPort());
        factory.addAdditionalConnectors(connector);
        factory.addContextCustomizers(context -> {
            SecurityCollection everything = new SecurityCollection();
            everything.addPattern("/*");
            SecurityConstraint confidential = new SecurityConstraint();
            confidential.setUserConstraint("CONFIDENTIAL");
            confidential.addCollection(everything);
            context.addConstraint(confidential);
        });
    }
}
