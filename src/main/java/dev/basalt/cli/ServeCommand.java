package dev.basalt.cli;

import dev.basalt.BasaltApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code basalt serve}: starts the HTTP server (and the embedded PostgreSQL unless BASALT_DB_URL is set). */
@Command(name = "serve", description = "Starts the web server (default 127.0.0.1:8090).")
final class ServeCommand implements Callable<Integer> {
    private static volatile boolean serving;

    @Option(names = "--http", paramLabel = "ADDR:PORT", description = "TCP address to listen on (default 127.0.0.1:8090)")
    String http;

    @Mixin
    DataOptions data = new DataOptions();

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        if (DataOptions.embedded() && UserNamespace.needed()) {
            return UserNamespace.rerun();
        }
        List<String> args = new ArrayList<>(data.springArgs());
        if (http != null) {
            int colon = http.lastIndexOf(':');
            if (colon < 0) {
                System.err.println("--http must be ADDR:PORT, e.g. 127.0.0.1:8090");
                return 2;
            }
            String host = http.substring(0, colon);
            args.add("--server.address=" + (host.isEmpty() ? "0.0.0.0" : host));
            args.add("--server.port=" + http.substring(colon + 1));
        }
        SpringApplication app = new SpringApplication(BasaltApplication.class);
        OrderlyShutdown.install(app.run(args.toArray(String[]::new)));
        serving = true;
        return 0;
    }
}
