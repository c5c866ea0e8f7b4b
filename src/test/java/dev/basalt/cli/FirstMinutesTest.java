package dev.basalt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.TestCertificates;
import dev.basalt.testing.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * What a new user meets first, on the real command line in child processes: help on every command, one-line
 * start failures with a hint (stack traces only with {@code --debug}), the URLs once the server is ready, HTTPS
 * with a redirect from HTTP, a second server refused on a locked data directory, and readable field errors.
 */
@Tag("db")
class FirstMinutesTest {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopLeftovers() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    @Test
    void everyCommandHasHelpAndEveryOptionADescription() {
        // every command and subcommand there is (walked, so a new one cannot be missed), as a user types it
        List<List<String>> commands = new ArrayList<>(List.of(List.of()));
        for (int i = 0; i < commands.size(); i++) {
            CommandLine command = new CommandLine(new BasaltMain());
            for (String name : commands.get(i)) {
                command = command.getSubcommands().get(name);
            }
            for (String sub : command.getSubcommands().keySet()) {
                List<String> path = new ArrayList<>(commands.get(i));
                path.add(sub);
                commands.add(path);
            }
        }
        assertThat(commands).contains(List.of("backup", "restore"), List.of("superuser", "otp"), List.of("serve"));
        for (List<String> path : commands) {
            for (String help : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(help);
                StringWriter out = new StringWriter();
                int code = new CommandLine(new BasaltMain()).setOut(new PrintWriter(out))
                        .execute(args.toArray(String[]::new));
                assertThat(code).as(String.join(" ", args)).isZero();
                assertThat(out.toString()).as(String.join(" ", args)).startsWith("Usage: basalt");
            }
        }
        List<CommandLine> all = new ArrayList<>(List.of(new CommandLine(new BasaltMain())));
        for (int i = 0; i < all.size(); i++) {
            all.addAll(all.get(i).getSubcommands().values());
            for (ArgSpec arg : all.get(i).getCommandSpec().args()) {
                assertThat(String.join("", arg.description())).as(all.get(i).getCommandName() + " " + arg.paramLabel())
                        .isNotBlank();
            }
        }
    }

    @Test
    void aPortInUseIsOneLineWithAHint() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result r = run("serve", "--http=127.0.0.1:" + taken.getLocalPort(), "--dir=" + dir.resolve("data"));
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.lines()).containsExactly("basalt serve: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + " (Address already in use). Hint: another program (perhaps another Basalt) uses that port: stop "
                    + "it, or choose another with --http=127.0.0.1:PORT.");
        }
    }

    @Test
    void anUnwritableDataDirectoryIsOneLineWithAHint() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "in the way");
        Result r = run("serve", "--http=127.0.0.1:" + freePort(), "--dir=" + file.resolve("data"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.lines()).singleElement().asString()
                .startsWith("basalt serve: cannot write to the data directory " + file.resolve("data"))
                .contains("Hint: choose a directory");
    }

    @Test
    void anUnreachableDatabaseIsACauseAndAHintUnlessDebug() throws Exception {
        Map<String, String> env = Map.of("BASALT_DB_URL", "jdbc:postgresql://127.0.0.1:" + freePort() + "/none",
                "BASALT_DB_START_WAIT", "1s");
        Result r = run(env, "serve", "--http=127.0.0.1:" + freePort(), "--dir=" + dir.resolve("data"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.lines()).hasSize(3);
        assertThat(r.lines().get(0)).startsWith("basalt: Cannot reach the database at 127.0.0.1:");
        assertThat(r.lines().get(1)).startsWith("hint: Check BASALT_DB_URL");
        assertThat(r.output()).doesNotContain("\tat ").doesNotContain("APPLICATION FAILED TO START");

        Result debug = run(env, "serve", "--debug", "--http=127.0.0.1:" + freePort(), "--dir=" + dir.resolve("data"));
        assertThat(debug.code()).isEqualTo(1);
        assertThat(debug.output()).contains("APPLICATION FAILED TO START").contains("\tat ");
    }

    @Test
    void httpsServesAndRedirectsAndASecondServerOnTheDirectoryIsRefused() throws Exception {
        TestCertificates tls = TestCertificates.create(dir);
        Map<String, String> env = Map.of("BASALT_DB_URL", TestDatabase.createDatabase(),
                "BASALT_DB_USER", TestDatabase.user(), "BASALT_DB_PASSWORD", TestDatabase.password());
        int https = freePort();
        int http = freePort();
        Path data = dir.resolve("data");
        Path log = dir.resolve("server.log");
        Process server = start(env, log, "serve", "--https=127.0.0.1:" + https, "--http=127.0.0.1:" + http,
                "--tlsCert=" + tls.certificate(), "--tlsKey=" + tls.privateKey(), "--dir=" + data);
        HttpClient client = HttpClient.newBuilder().sslContext(tls.trusting()).build();
        String health = "https://127.0.0.1:" + https + "/api/health";
        awaitHealthy(server, log, client, health);
        assertThat(Files.readString(log)).contains("Server started at https://127.0.0.1:" + https + "\n",
                "REST API:  https://127.0.0.1:" + https + "/api/\n", "Dashboard: https://127.0.0.1:" + https + "/_/\n",
                "API docs:  https://127.0.0.1:" + https + "/api/docs\n");

        HttpResponse<String> redirect = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + http + "/api/health?x=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue(health + "?x=1");

        // a second node on the external database shares the directory (a cluster's uploaded files)
        int nodePort = freePort();
        Path nodeLog = dir.resolve("node.log");
        Process node = start(env, nodeLog, "serve", "--http=127.0.0.1:" + nodePort, "--dir=" + data);
        awaitHealthy(node, nodeLog, HttpClient.newHttpClient(), "http://127.0.0.1:" + nodePort + "/api/health");
        node.destroy();
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // with the embedded PostgreSQL (no BASALT_DB_URL) the directory is one server's
        Result second = run(Map.of(), "serve", "--http=127.0.0.1:" + freePort(), "--dir=" + data);
        assertThat(second.code()).isEqualTo(1);
        assertThat(second.lines()).containsExactly("basalt serve: the data directory " + data.toAbsolutePath()
                + " is in use by another Basalt server (pid " + Files.readString(data.resolve(".lock")).trim()
                + "). Hint: stop that server first, or give this one its own --dir=PATH.");

        Result invalid = run(env, "superuser", "upsert", "not-an-email", "pass-word-123", "--dir=" + data);
        assertThat(invalid.code()).isEqualTo(1);
        assertThat(invalid.output()).contains("  email: ").doesNotContain("FieldError[");

        server.destroy();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    /** A finished command: exit code, all output, and the lines that are not log lines. */
    record Result(int code, String output) {
        List<String> lines() {
            return output.lines().filter(l -> !l.matches("^\\d{4}-\\d\\d-\\d\\dT.*") && !l.isBlank()).toList();
        }
    }

    private Result run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    private Result run(Map<String, String> env, String... args) throws Exception {
        Path log = Files.createTempFile(dir, "run", ".log");
        Process p = start(env, log, args);
        assertThat(p.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(String.join(" ", args)).isTrue();
        return new Result(p.exitValue(), Files.readString(log));
    }

    private Process start(Map<String, String> env, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), BasaltMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("BASALT_DB_URL");
        pb.environment().putAll(env);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static void awaitHealthy(Process server, Path log, HttpClient client, String url) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("server exited early: " + Files.readString(log));
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("server did not become healthy: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
