package dev.basalt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./basalt} launcher's first build, run for real on a copy of the script whose jar is missing, with a
 * stand-in {@code mvn} on the PATH that prints a real build's kind of log and fails: the user sees one line per
 * build step, one line for the downloads, the errors, and a clear closing line, rather than silence or Maven's
 * whole log.
 */
class LauncherBuildTest {
    private static final String MAVEN_LOG = """
            [INFO] Scanning for projects...
            [INFO] Downloading from central: https://repository.invalid/maven2/org/a/a/1/a-1.pom
            [INFO] Downloaded from central: https://repository.invalid/maven2/org/a/a/1/a-1.pom (2 kB at 9 kB/s)
            [INFO] Downloading from central: https://repository.invalid/maven2/org/b/b/1/b-1.jar
            [INFO] --- resources:3.3.1:resources (default-resources) @ basalt ---
            [INFO] Copying 12 resources from src/main/resources to target/classes
            [INFO] --- compiler:3.14.0:compile (default-compile) @ basalt ---
            [WARNING] OrderlyShutdown.java:[4,16] sun.misc.Signal is internal proprietary API
            [ERROR] /src/Broken.java:[3,1] class, interface, enum, or record expected
            [INFO] BUILD FAILURE
            """;

    @TempDir
    Path dir;

    @Test
    void theFirstBuildShowsItsStepsAndErrors() throws Exception {
        Path root = Files.createDirectories(dir.resolve("basalt"));
        Files.copy(Path.of("basalt"), root.resolve("basalt"));
        Files.createDirectories(root.resolve("src/main"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = Files.writeString(dir.resolve("maven.log"), MAVEN_LOG);
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\ncat '" + log + "'\nexit 1\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder pb = new ProcessBuilder(List.of("bash", root.resolve("basalt").toString(), "--help"))
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out.lines().toList()).containsExactly(
                "basalt: building " + root.resolve("target/basalt-exec.jar") + " with Maven (the first build downloads "
                        + "the dependencies and takes a minute or two) ...",
                "basalt:   downloading dependencies from the Maven repository ...",
                "basalt:   resources:resources ...",
                "basalt:   compiler:compile ...",
                "[ERROR] /src/Broken.java:[3,1] class, interface, enum, or record expected",
                "basalt: the build failed (see above).");
    }
}
