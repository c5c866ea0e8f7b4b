package dev.basalt.cli;

import dev.basalt.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code basalt} command as a user would: in a child JVM on the tests' class path, with the
 * {@code BASALT_DB_*} variables of a test database; its output goes to a numbered log file.
 */
final class CliProcess {
    /** A finished command: its exit code and its output (stdout and stderr). */
    record Run(int exit, String output) {
    }

    private final String dbUrl;
    private final Path logDir;
    private final Duration timeout;
    private int runs;

    CliProcess(String dbUrl, Path logDir, Duration timeout) {
        this.dbUrl = dbUrl;
        this.logDir = logDir;
        this.timeout = timeout;
    }

    /** Runs {@code basalt ARGS...} and waits for it; fails the test if it outlives the timeout. */
    Run run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-XX:TieredStopAtLevel=1"); // short-lived commands: start fast rather than run fast
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BasaltMain.class.getName());
        command.addAll(args);
        Path log = logDir.resolve("cli-" + runs++ + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("BASALT_DB_URL", dbUrl);
        pb.environment().put("BASALT_DB_USER", TestDatabase.user());
        pb.environment().put("BASALT_DB_PASSWORD", TestDatabase.password());
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", args) + " did not finish within " + timeout);
        }
        return new Run(p.exitValue(), Files.readString(log));
    }
}
