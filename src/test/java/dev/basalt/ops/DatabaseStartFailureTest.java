package dev.basalt.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basalt.BasaltApplication;
import dev.basalt.cli.BasaltMain;
import dev.basalt.ops.internal.DatabaseFailureAnalyzer;
import dev.basalt.testing.TestDatabase;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An external database that cannot be reached at start: Basalt retries with a clear log line, gives up after
 * the start wait with one line (no stack trace, no URL parameters), fails at once when waiting cannot help,
 * and a SIGTERM stops it while it waits, even for a server that accepts TCP and never answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartFailureTest {
    @TempDir
    Path dir;

    @Test
    void aClosedPortIsRetriedThenReportedInOneLine(CapturedOutput output) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Throwable failure = startFailure("--basalt.db.url=jdbc:postgresql://127.0.0.1:" + port
                + "/basalt?password=hidden-in-url", "--basalt.db.start-wait=3s");

        assertThat(new DatabaseFailureAnalyzer().analyze(failure).getDescription()).isEqualTo(
                "Cannot reach the database at 127.0.0.1:" + port + "/basalt: Connection refused (gave up after 3 s).");
        assertThat(output.getAll()).contains("Cannot reach the database at 127.0.0.1:" + port
                        + "/basalt: Connection refused. Retrying every 2 s for up to 3 s.")
                .contains("APPLICATION FAILED TO START").doesNotContain("hidden-in-url").doesNotContain("\tat ");
    }

    @Test
    void aMissingDatabaseFailsAtOnce(CapturedOutput output) throws Exception {
        String url = TestDatabase.createDatabase();
        String missing = url.replaceFirst("/[^/?]+(\\?|$)", "/no_such_database_here$1");
        long started = System.nanoTime();

        Throwable failure = startFailure("--basalt.db.url=" + missing, "--basalt.db.user=" + TestDatabase.user(),
                "--basalt.db.password=" + TestDatabase.password());

        assertThat(new DatabaseFailureAnalyzer().analyze(failure).getDescription())
                .contains("/no_such_database_here refused Basalt: ").contains("does not exist");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(30);
        assertThat(output.getAll()).doesNotContain("Retrying every").doesNotContain("\tat ");
    }

    @Test
    void sigtermStopsAStartWaitingForAServerThatNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // never accepts: the kernel completes the TCP handshake, PostgreSQL's greeting never comes
            Path log = dir.resolve("serve.log");
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), BasaltMain.class.getName(), "serve",
                    "--http=127.0.0.1:0", "--dir=" + dir));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("BASALT_DB_URL", "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/x");
            builder.environment().put("BASALT_DB_START_WAIT", "10m");
            Process server = builder.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (!Files.readString(log).contains("Retrying every") && System.nanoTime() < deadline) {
                    assertThat(server.isAlive()).as(Files.readString(log)).isTrue();
                    Thread.sleep(200);
                }
                assertThat(Files.readString(log)).contains("Cannot reach the database at 127.0.0.1:"
                        + silent.getLocalPort() + "/x").contains("Retrying every 2 s for up to 600 s.");

                server.destroy();

                assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped by SIGTERM: " + Files.readString(log))
                        .isTrue();
                assertThat(Files.readString(log)).doesNotContain("\tat ");
            } finally {
                server.destroyForcibly();
            }
        }
    }

    private Throwable startFailure(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--basalt.dir=" + dir));
        args.addAll(List.of(extra));
        Throwable[] failure = new Throwable[1];
        assertThatThrownBy(() -> new SpringApplication(BasaltApplication.class).run(args.toArray(String[]::new))
                .close()).satisfies(t -> failure[0] = t);
        return failure[0];
    }
}
