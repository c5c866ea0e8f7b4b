package dev.basalt.cli;

import org.springframework.core.env.Environment;

/** The lines {@code serve} prints once it answers requests: where the API, dashboard and API docs are. */
final class StartBanner {
    private StartBanner() {
    }

    static void print(boolean tls, Environment env) {
        String host = env.getProperty("server.address", ServeCommand.DEFAULT_HOST);
        String port = env.getProperty("local.server.port", env.getProperty("server.port", ""));
        String base = (tls ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        System.out.println("Server started at " + base);
        System.out.println("├─ REST API:  " + base + "/api/");
        System.out.println("├─ Dashboard: " + base + "/_/");
        System.out.println("└─ API docs:  " + base + "/api/docs");
        System.out.flush();
    }
}
