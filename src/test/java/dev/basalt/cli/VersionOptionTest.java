package dev.basalt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code basalt --version} prints the version the build recorded (build-info), not a constant. */
class VersionOptionTest {

    @Test
    void printsTheBuildsVersion() throws Exception {
        Properties info = new Properties();
        try (var in = Files.newInputStream(Path.of("target/classes/META-INF/build-info.properties"))) {
            info.load(in);
        }
        StringWriter out = new StringWriter();
        int code = new CommandLine(new BasaltMain()).setOut(new PrintWriter(out)).execute("--version");
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("Basalt " + info.getProperty("build.version") + System.lineSeparator())
                .contains("Java " + Runtime.version().feature());
    }
}
