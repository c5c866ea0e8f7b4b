package dev.basalt.compat;

import static org.assertj.core.api.Assertions.fail;

import dev.basalt.BasaltApplication;
import dev.basalt.auth.Superusers;
import dev.basalt.testing.FakeOidcProvider;
import dev.basalt.testing.S3Server;
import dev.basalt.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the official PocketBase JS SDK suite in {@code compat/} ({@code node --test}) against Basalt started
 * in-process on a random port with a fresh database and a superuser, plus a real SMTP server whose mails the
 * tests read back ({@link TestMailbox}: {@code BASALT_SMTP_PORT}, {@code BASALT_MAILBOX_URL}) and an OpenID
 * Connect provider ({@link FakeOidcProvider}: {@code BASALT_OIDC_ISSUER}, client id and secret) and an S3-compatible
 * server ({@link S3Server}: {@code BASALT_S3_TEST_ENDPOINT}, {@code _BUCKET}, {@code _KEY}). Needs Node.js
 * 20+ and npm; their absence fails the test rather than skipping it. Tagged {@code compat}, not {@code db}: CI runs it once,
 * in {@code mvn verify}.
 */
@Tag("compat")
@ExtendWith(S3Server.class)
class SdkCompatibilityTest {
    private static final Path COMPAT_DIR = Path.of("compat").toAbsolutePath();
    private static final String EMAIL = "compat-superuser@example.com";
    private static final String PASSWORD = "compat-Superuser-Pass-1234";
    private static final int MIN_NODE_MAJOR = 20;
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SUITE_TIMEOUT = Duration.ofMinutes(10);
    private static final int TAIL_LINES = 80;

    private static ConfigurableApplicationContext basalt;
    private static TestMailbox mailbox;
    private static FakeOidcProvider oidc;

    @BeforeAll
    static void startBasalt() throws IOException {
        SpringApplication app = new SpringApplication(BasaltApplication.class);
        basalt = app.run("--server.port=0",
                "--basalt.dir=" + Files.createTempDirectory("basalt-compat"),
                "--basalt.db.url=" + TestDatabase.createDatabase(),
                "--basalt.db.user=" + TestDatabase.user(),
                "--basalt.db.password=" + TestDatabase.password(),
                "--basalt.rate-limits.default-enabled=false",
                // mappedFields.avatarURL downloads from the test's OpenID Connect provider on 127.0.0.1
                "--basalt.oauth2.avatar-private-addresses=true",
                // dozens of deliberate wrong sign-ins from 127.0.0.1 in a row; SignInGuardHttpTest covers the guard
                "--basalt.sign-in-guard.enabled=false");
        basalt.getBean(Superusers.class).upsert(EMAIL, PASSWORD);
        mailbox = new TestMailbox();
        oidc = new FakeOidcProvider();
    }

    @AfterAll
    static void stopBasalt() {
        if (basalt != null) {
            basalt.close();
        }
        if (mailbox != null) {
            mailbox.close();
        }
        if (oidc != null) {
            oidc.close();
        }
    }

    @Test
    void officialSdkSuitePasses() throws Exception {
        runSuite("http://127.0.0.1:" + basalt.getEnvironment().getProperty("local.server.port"), EMAIL, PASSWORD,
                mailbox, oidc, Set.of());
    }

    /**
     * Installs the SDK and runs the suite against {@code url} (one node, or a load balancer in front of several),
     * without the test files named in {@code skipped}.
     */
    static void runSuite(String url, String email, String password, TestMailbox mailbox, FakeOidcProvider oidc,
                         Set<String> skipped) throws Exception {
        runSuite(url, email, password, mailbox, oidc,
                (java.util.function.Predicate<String>) f -> !skipped.contains(f));
    }

    /** Runs the suite's files whose name {@code included} accepts. */
    static void runSuite(String url, String email, String password, TestMailbox mailbox, FakeOidcProvider oidc,
                         java.util.function.Predicate<String> included) throws Exception {
        requireNode();
        boolean locked = Files.exists(COMPAT_DIR.resolve("package-lock.json"));
        run("npm dependencies", NPM_TIMEOUT, Map.of(), locked
                ? List.of("npm", "ci", "--no-audit", "--no-fund")
                : List.of("npm", "install", "--no-audit", "--no-fund"));

        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-concurrency=1"));
        try (Stream<Path> files = Files.list(COMPAT_DIR.resolve("test"))) {
            files.filter(f -> included.test(f.getFileName().toString())).map(Path::toString)
                    .filter(f -> f.endsWith(".test.mjs")).sorted().forEach(command::add);
        }
        run("SDK compatibility suite", SUITE_TIMEOUT, Map.ofEntries(Map.entry("BASALT_URL", url),
                Map.entry("BASALT_SUPERUSER_EMAIL", email), Map.entry("BASALT_SUPERUSER_PASSWORD", password),
                Map.entry("BASALT_SMTP_PORT", String.valueOf(mailbox.smtpPort())),
                Map.entry("BASALT_MAILBOX_URL", mailbox.url()), Map.entry("BASALT_OIDC_ISSUER", oidc.issuer()),
                Map.entry("BASALT_OIDC_CLIENT_ID", FakeOidcProvider.CLIENT_ID),
                Map.entry("BASALT_OIDC_CLIENT_SECRET", FakeOidcProvider.CLIENT_SECRET),
                Map.entry("BASALT_S3_TEST_ENDPOINT", S3Server.endpoint()),
                Map.entry("BASALT_S3_TEST_BUCKET", S3Server.BUCKET), Map.entry("BASALT_S3_TEST_KEY", S3Server.KEY)),
                command);
    }

    /** Fails clearly unless node (new enough) and npm are installed. */
    private static void requireNode() throws Exception {
        String version = firstLine(List.of("node", "--version"), "Node.js");
        int major = Integer.parseInt(version.replaceFirst("^v", "").split("\\.")[0]);
        if (major < MIN_NODE_MAJOR) {
            fail("The SDK compatibility suite needs Node.js " + MIN_NODE_MAJOR + "+, found " + version);
        }
        firstLine(List.of("npm", "--version"), "npm");
    }

    private static String firstLine(List<String> command, String tool) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0 || out.isEmpty()) {
                fail(tool + " does not work (" + String.join(" ", command) + "): " + out);
            }
            return out.lines().findFirst().orElseThrow();
        } catch (IOException e) {
            return fail(tool + " is not installed, but the SDK compatibility suite needs it (e.g. apt-get install "
                    + "nodejs npm): " + e.getMessage());
        }
    }

    /** Runs a command in compat/, streaming its output to the test log; fails with the output's tail. */
    private static void run(String what, Duration timeout, Map<String, String> env, List<String> command)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(COMPAT_DIR.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        System.out.println("[compat] " + String.join(" ", command));
        Process process = builder.start();
        Deque<String> tail = new ArrayDeque<>();
        Thread pump = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    System.out.println("[compat] " + line);
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > TAIL_LINES) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            pump.join(TimeUnit.SECONDS.toMillis(5));
            fail(what + " did not finish within " + timeout.toMinutes() + " minutes. Last output:\n" + tailOf(tail));
        }
        pump.join(TimeUnit.SECONDS.toMillis(5));
        if (process.exitValue() != 0) {
            fail(what + " failed (exit " + process.exitValue() + "). Last output:\n" + tailOf(tail));
        }
    }

    private static String tailOf(Deque<String> tail) {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }
}
