package dev.basalt.cli;

import java.util.List;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports a failed start that a failure analyzer explained (port in use, unreachable database, invalid setting)
 * as {@code basalt: <cause>} plus a {@code hint:} line on stderr. Spring Boot's own multi-line report and the
 * loggers that repeat the failure ({@link #QUIET_LOGGERS}) are switched off by the CLI unless {@code --debug}.
 * Registered in {@code META-INF/spring.factories}; Spring Boot instantiates it by reflection.
 */
public final class StartFailureReporter implements FailureAnalysisReporter {
    /** Loggers that print a failed start at length: Spring Boot's report, the context's cancel
     * warning, Tomcat's failed-context error and the hint about the condition report. */
    static final List<String> QUIET_LOGGERS = List.of(
            "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter",
            "org.springframework.boot.SpringApplication",
            "org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext",
            "org.springframework.context.annotation.AnnotationConfigApplicationContext",
            "org.springframework.boot.tomcat.servlet.DeferredServletContainerInitializers",
            "org.springframework.boot.autoconfigure.logging.ConditionEvaluationReportLogger");
    private static volatile boolean reported;

    /** True once a failure was reported in this process. */
    static boolean reported() {
        return reported;
    }

    @Override
    public void report(FailureAnalysis analysis) {
        reported = true;
        String description = analysis.getDescription().strip();
        System.err.println("basalt: " + description);
        if (analysis.getAction() != null && !analysis.getAction().isBlank()) {
            System.err.println("hint: " + analysis.getAction().strip().replaceAll("\\s*\\R\\s*", " "));
        }
        System.err.flush();
    }
}
