package dev.basalt.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real S3-compatible server for tests: the npm package {@code s3rver} (installed from
 * {@code src/test/s3rver/package-lock.json} on first use) on a free port of 127.0.0.1, storing its objects in a
 * temporary directory, with the bucket {@link #BUCKET}. Started once per test JVM by the first test class that
 * uses this extension and stopped (directory removed) when the test run ends. Its keys are s3rver's built-in
 * {@code S3RVER}/{@code S3RVER}.
 */
public final class S3Server implements BeforeAllCallback {
    /** The bucket created at start. */
    public static final String BUCKET = "basalt-test";
    /** s3rver's built-in access key id and secret. */
    public static final String KEY = "S3RVER";
    private static final Path PACKAGE_DIR = Path.of("src/test/s3rver").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("S3rver listening on ([0-9.]+):(\\d+)");
    private static final long START_SECONDS = 60;
    private static final long NPM_MINUTES = 5;
    private static Running running;

    /** A started server: its process, data directory and endpoint. */
    private record Running(Process process, Path dir, String endpoint) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (S3Server.class) {
            if (running == null) {
                running = start();
                Running started = running;
                context.getRoot().getStore(ExtensionContext.Namespace.create(S3Server.class))
                        .put("server", (AutoCloseable) () -> {
                            synchronized (S3Server.class) {
                                running = null;
                            }
                            started.close();
                        });
            }
        }
    }

    /** The server's URL, e.g. {@code http://127.0.0.1:41234}. */
    public static synchronized String endpoint() {
        if (running == null) {
            throw new IllegalStateException("S3Server not started: annotate the test class with @ExtendWith(S3Server.class)");
        }
        return running.endpoint();
    }

    private static Running start() throws IOException, InterruptedException {
        if (!Files.isDirectory(PACKAGE_DIR.resolve("node_modules/s3rver"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(PACKAGE_DIR.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!npm.waitFor(NPM_MINUTES, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci failed in " + PACKAGE_DIR + " (Node.js 20+ and npm are required)");
            }
        }
        Path dir = Files.createTempDirectory("basalt-s3rver-");
        // s3rver encrypts list continuation tokens with DES, which OpenSSL 3 only offers through its legacy provider
        Process process = new ProcessBuilder(List.of("node", "--openssl-legacy-provider",
                "node_modules/s3rver/bin/s3rver.js", "--silent",
                "--directory", dir.toString(), "--address", "127.0.0.1", "--port", "0",
                "--configure-bucket", BUCKET)).directory(PACKAGE_DIR.toFile()).redirectErrorStream(true).start();
        // a test JVM stopped before the end of the run must not leave the server behind
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> readOutput(process, endpoint));
        try {
            return new Running(process, dir, endpoint.get(START_SECONDS, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("s3rver did not start: " + e.getMessage(), e);
        }
    }

    /** Waits for the "listening" line, then keeps draining the output so the process never blocks. */
    private static void readOutput(Process process, CompletableFuture<String> endpoint) {
        StringBuilder early = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    endpoint.complete("http://" + m.group(1) + ":" + m.group(2));
                } else if (!endpoint.isDone()) {
                    early.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            endpoint.completeExceptionally(new UncheckedIOException(e));
        }
        endpoint.completeExceptionally(new IllegalStateException("s3rver exited: " + early));
    }
}
