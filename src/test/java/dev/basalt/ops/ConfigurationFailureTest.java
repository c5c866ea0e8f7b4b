package dev.basalt.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basalt.BasaltApplication;
import dev.basalt.ops.internal.ConfigurationFailureAnalyzer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Invalid {@code BASALT_*} settings stop the start with one clear line naming the variable. The settings are
 * validated before any database is started, so these tests need none.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationFailureTest {

    @Test
    void aDatabaseUrlThatIsNotPostgresStopsTheStart(CapturedOutput output) {
        Throwable failure = startFailure(Map.of("BASALT_DB_URL", "mysql://user:secret@db/basalt"));

        FailureAnalysis analysis = new ConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription())
                .isEqualTo("Invalid configuration: BASALT_DB_URL must be a jdbc:postgresql: URL.");
        assertThat(analysis.getAction()).startsWith("Fix BASALT_DB_URL and start Basalt again.");
        assertThat(output.getAll()).contains("Invalid configuration: BASALT_DB_URL must be a jdbc:postgresql: URL")
                .doesNotContain("secret").doesNotContain("Binding to target");
    }

    @Test
    void anUnknownLogFormatStopsTheStart(CapturedOutput output) {
        Throwable failure = startFailure(Map.of("BASALT_LOG_FORMAT", "xml"));

        assertThat(new ConfigurationFailureAnalyzer().analyze(failure).getDescription())
                .isEqualTo("Invalid configuration: BASALT_LOG_FORMAT must be 'text' or 'json' (got \"xml\").");
        assertThat(output.getAll()).contains("Invalid configuration: BASALT_LOG_FORMAT must be 'text' or 'json'");
    }

    @Test
    void aPoolSizeThatIsNotANumberStopsTheStart(CapturedOutput output) {
        Throwable failure = startFailure(Map.of("BASALT_DB_MAX_POOL_SIZE", "many"));

        assertThat(new ConfigurationFailureAnalyzer().analyze(failure).getDescription())
                .isEqualTo("Invalid configuration: BASALT_DB_MAX_POOL_SIZE has a value of the wrong type (got \"many\").");
        assertThat(output.getAll()).contains("Invalid configuration: BASALT_DB_MAX_POOL_SIZE");
    }

    @Test
    void settingsGivenAsArgumentsAreNamedByVariableAndProperty() {
        Throwable failure = startFailure(Map.of(), "--basalt.log-format=yaml");

        assertThat(new ConfigurationFailureAnalyzer().analyze(failure).getDescription()).isEqualTo(
                "Invalid configuration: BASALT_LOG_FORMAT (basalt.log-format) must be 'text' or 'json' (got \"yaml\").");
    }

    @Test
    void otherFailuresAreLeftToSpringBoot() {
        assertThat(new ConfigurationFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
    }

    /** Starts Basalt with these environment variables (instead of the real ones) and returns why it failed. */
    private static Throwable startFailure(Map<String, Object> variables, String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        SpringApplication app = new SpringApplication(BasaltApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setEnvironment(environment);
        Throwable[] failure = new Throwable[1];
        assertThatThrownBy(() -> app.run(args).close()).satisfies(t -> failure[0] = t);
        return failure[0];
    }
}
