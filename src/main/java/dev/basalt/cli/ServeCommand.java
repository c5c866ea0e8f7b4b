package dev.basalt.cli;

import dev.basalt.BasaltApplication;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code basalt serve}: starts the HTTP server (and the embedded PostgreSQL unless BASALT_DB_URL is set). Before
 * Spring starts it locks the data directory and checks that the addresses are free, so the common mistakes end
 * in one line at once rather than after the database has started.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Starts the web server (default 127.0.0.1:8090).")
final class ServeCommand implements Callable<Integer> {
    /** basalt-defaults.properties' address, checked before the start when no flag or variable moves it. */
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8090;
    private static volatile boolean serving;

    @Option(names = "--http", paramLabel = "ADDR:PORT",
            description = "TCP address to listen on (default 127.0.0.1:8090; with --https: the address that "
                    + "redirects to HTTPS, none when omitted)")
    String http;

    @Option(names = "--https", paramLabel = "ADDR:PORT",
            description = "TCP address to serve HTTPS on, with --tlsCert and --tlsKey (default: no TLS)")
    String https;

    @Option(names = "--tlsCert", paramLabel = "PATH",
            description = "PEM file with the certificate (and its chain) for --https")
    Path tlsCert;

    @Option(names = "--tlsKey", paramLabel = "PATH", description = "PEM file with the certificate's private key")
    Path tlsKey;

    @Option(names = "--origins", paramLabel = "ORIGINS", split = ",",
            description = "CORS allowed origins, a comma list (default: *, any origin)")
    List<String> origins;

    @Option(names = "--publicDir", paramLabel = "PATH",
            description = "Directory served at / (default: basalt_public next to the data directory)")
    Path publicDir;

    @Option(names = "--indexFallback", arity = "0..1", paramLabel = "BOOL", defaultValue = "true",
            fallbackValue = "true", description = "Serve the public directory's index.html for paths that match no "
                    + "file, for single-page apps (default: true)")
    boolean indexFallback;

    @Option(names = "--hooksDir", paramLabel = "PATH",
            description = "Directory of the JS hooks (*.pb.js) (default: basalt_hooks next to the data directory)")
    Path hooksDir;

    @Option(names = "--migrationsDir", paramLabel = "PATH",
            description = "Directory of the JS migrations (*.js) applied at start (default: basalt_migrations next to "
                    + "the data directory)")
    Path migrationsDir;

    @Option(names = "--dev", description = "Development mode: reload the JS hooks when their files change")
    boolean dev;

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
        args.addAll(data.failureArgs());
        Listen listen;
        try {
            listen = listenArgs(args);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        // Only the embedded PostgreSQL makes a data directory one server's: nodes of a cluster on an external
        // database may share one directory for their uploaded files (a shared lock).
        String locked = DataDirectoryLock.acquire(data.dataDir(), DataOptions.embedded());
        if (locked != null) {
            return fail(locked);
        }
        for (Address address : listen.addresses()) {
            String busy = address.checkFree();
            if (busy != null) {
                return fail(busy);
            }
        }
        if (origins != null) {
            args.add("--basalt.origins=" + String.join(",", origins));
        }
        if (publicDir != null) {
            args.add("--basalt.public-dir=" + publicDir.toAbsolutePath());
        }
        args.add("--basalt.index-fallback=" + indexFallback);
        if (hooksDir != null) {
            args.add("--basalt.hooks-dir=" + hooksDir.toAbsolutePath());
        }
        if (migrationsDir != null) {
            args.add("--basalt.migrations-dir=" + migrationsDir.toAbsolutePath());
        }
        if (dev) {
            args.add("--basalt.dev=true");
        }
        // the embedded PostgreSQL starts while the context is built (database.EarlyEmbeddedStart)
        args.add("--basalt.db.start-early=true");
        SpringApplication app = new SpringApplication(BasaltApplication.class);
        StartupReport report = StartupReport.attach(app);
        ConfigurableApplicationContext context = app.run(args.toArray(String[]::new));
        OrderlyShutdown.install(context);
        serving = true;
        StartBanner.print(listen.tls(), context.getEnvironment());
        if (report != null) {
            report.print();
        }
        return 0;
    }

    /** Where the server listens: the main address and, with TLS, the redirecting HTTP one. */
    private record Listen(boolean tls, List<Address> addresses) {
    }

    private Listen listenArgs(List<String> args) {
        if (https == null) {
            if (tlsCert != null || tlsKey != null) {
                throw new IllegalArgumentException("--tlsCert and --tlsKey need --https=ADDR:PORT.");
            }
            Address main = http == null ? null : Address.parse("--http", http);
            if (main != null) {
                args.add("--server.address=" + main.host());
                args.add("--server.port=" + main.port());
            }
            if (main == null && System.getenv("SERVER_PORT") == null && System.getenv("SERVER_ADDRESS") == null) {
                main = new Address("--http", DEFAULT_HOST, DEFAULT_PORT);
            }
            return new Listen(false, main == null ? List.of() : List.of(main));
        }
        if (tlsCert == null || tlsKey == null) {
            throw new IllegalArgumentException("--https needs --tlsCert=PATH and --tlsKey=PATH (PEM files). Basalt has "
                    + "no automatic certificates: get them from your CA, e.g. with certbot.");
        }
        for (Path file : List.of(tlsCert, tlsKey)) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read " + file.toAbsolutePath() + ". Hint: --tlsCert and "
                        + "--tlsKey take the paths of PEM files this user may read.");
            }
        }
        Address main = Address.parse("--https", https);
        args.add("--server.address=" + main.host());
        args.add("--server.port=" + main.port());
        args.add("--server.ssl.certificate=file:" + tlsCert.toAbsolutePath());
        args.add("--server.ssl.certificate-private-key=file:" + tlsKey.toAbsolutePath());
        if (http == null) {
            return new Listen(true, List.of(main));
        }
        Address redirect = Address.parse("--http", http);
        args.add("--basalt.http-redirect.address=" + redirect.host());
        args.add("--basalt.http-redirect.port=" + redirect.port());
        return new Listen(true, List.of(main, redirect));
    }

    private static int fail(String message) {
        System.err.println("basalt serve: " + message);
        return 1;
    }

    /** An {@code ADDR:PORT} flag value. */
    record Address(String flag, String host, int port) {
        static Address parse(String flag, String value) {
            int colon = value.lastIndexOf(':');
            int port;
            try {
                port = colon < 0 ? -1 : Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(flag + " must be ADDR:PORT, e.g. " + flag + "=127.0.0.1:8090 "
                        + "(got \"" + value + "\").");
            }
            String host = value.substring(0, colon);
            return new Address(flag, host.isEmpty() ? "0.0.0.0" : host, port);
        }

        /** Null when the address can be bound now, else a one-line reason with a hint. */
        String checkFree() {
            if (port == 0) {
                return null;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(host, port));
                return null;
            } catch (IOException e) {
                return "cannot listen on " + host + ":" + port + " (" + e.getMessage() + "). Hint: another program "
                        + "(perhaps another Basalt) uses that port: stop it, or choose another with " + flag
                        + "=" + host + ":PORT.";
            }
        }
    }
}
