package dev.basalt.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code logback-spring.xml}: text lines by default, one JSON object per line with {@code basalt.log-format=json}. */
@ExtendWith(OutputCaptureExtension.class)
class LogFormatTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @AfterEach
    void restoreTextLogging() {
        configure(new MockEnvironment());
    }

    @Test
    void jsonFormatWritesOneJsonObjectPerLine(CapturedOutput output) {
        configure(new MockEnvironment().withProperty("basalt.log-format", "json"));
        String marker = "json-line-" + System.nanoTime();
        LoggerFactory.getLogger("dev.basalt.test").info("hello {}", marker);
        LoggerFactory.getLogger("dev.basalt.test").warn("failed " + marker, new IllegalStateException("boom"));

        List<String> lines = output.getOut().lines().filter(l -> l.contains(marker)).toList();
        assertThat(lines).hasSize(2);
        Map<String, Object> info = JSON.readValue(lines.get(0), new TypeReference<>() { });
        assertThat(info).containsEntry("message", "hello " + marker).containsEntry("level", "INFO")
                .containsEntry("logger_name", "dev.basalt.test").containsKey("@timestamp")
                .doesNotContainKey("BASALT_LOG_FORMAT");
        Map<String, Object> warn = JSON.readValue(lines.get(1), new TypeReference<>() { });
        assertThat(warn).containsEntry("level", "WARN");
        assertThat((String) warn.get("stack_trace")).contains("IllegalStateException: boom");
    }

    @Test
    void textIsTheDefault(CapturedOutput output) {
        configure(new MockEnvironment());
        String marker = "text-line-" + System.nanoTime();
        LoggerFactory.getLogger("dev.basalt.test").info("hello {}", marker);

        String line = output.getOut().lines().filter(l -> l.contains(marker)).findFirst().orElseThrow();
        assertThat(line).doesNotStartWith("{").contains(" INFO ").contains("dev.basalt.test").endsWith("hello " + marker);
    }

    @Test
    void anUnknownFormatFallsBackToText(CapturedOutput output) {
        configure(new MockEnvironment().withProperty("basalt.log-format", "xml"));
        String marker = "fallback-line-" + System.nanoTime();
        LoggerFactory.getLogger("dev.basalt.test").error("hello {}", marker);

        String line = output.getOut().lines().filter(l -> l.contains(marker)).findFirst().orElseThrow();
        assertThat(line).doesNotStartWith("{").contains("ERROR");
    }

    private void configure(MockEnvironment environment) {
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, null);
    }
}
