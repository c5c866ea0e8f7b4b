package dev.basalt.cli;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.core.metrics.StartupStep;

/**
 * A start-time diagnostic, off unless {@code BASALT_STARTUP_REPORT=N} is set: Spring's startup steps
 * (context refresh, bean creation, ...) are recorded and, once the server is ready, the N longest ones are
 * printed to stderr by their own time (a step's duration less its nested steps', e.g. a bean's dependencies). Used to find what a start spends its time on (docs/benchmarks.md, start and idle memory).
 */
final class StartupReport {
    /** Steps recorded at most; a start records a few thousand. */
    private static final int CAPACITY = 20_000;

    private final BufferingApplicationStartup startup;
    private final int top;

    private StartupReport(BufferingApplicationStartup startup, int top) {
        this.startup = startup;
        this.top = top;
    }

    /** Attaches a recorder to the application when BASALT_STARTUP_REPORT is a positive number, else null. */
    static StartupReport attach(SpringApplication app) {
        String value = System.getenv("BASALT_STARTUP_REPORT");
        int top;
        try {
            top = value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            top = 0;
        }
        if (top <= 0) {
            return null;
        }
        BufferingApplicationStartup startup = new BufferingApplicationStartup(CAPACITY);
        app.setApplicationStartup(startup);
        return new StartupReport(startup, top);
    }

    /** Prints the steps with the longest own time (their duration less their nested steps'), longest first. */
    void print() {
        StartupTimeline timeline = startup.getBufferedTimeline();
        List<StartupTimeline.TimelineEvent> events = timeline.getEvents();
        Map<Long, Long> nestedMillis = new HashMap<>();
        for (StartupTimeline.TimelineEvent e : events) {
            Long parent = e.getStartupStep().getParentId();
            if (parent != null) {
                nestedMillis.merge(parent, e.getDuration().toMillis(), Long::sum);
            }
        }
        System.err.printf("basalt: startup report, %d steps from %s; the %d longest own times (own ms, total ms, "
                + "step, tags):%n", events.size(), timeline.getStartTime(), top);
        events.stream().sorted(Comparator.comparingLong((StartupTimeline.TimelineEvent e) -> own(e, nestedMillis))
                        .reversed())
                .limit(top)
                .forEach(e -> System.err.printf("%8d %8d  %s %s%n", own(e, nestedMillis), e.getDuration().toMillis(),
                        e.getStartupStep().getName(), tags(e.getStartupStep())));
    }

    private static long own(StartupTimeline.TimelineEvent e, Map<Long, Long> nestedMillis) {
        return e.getDuration().toMillis() - nestedMillis.getOrDefault(e.getStartupStep().getId(), 0L);
    }

    private static String tags(StartupStep step) {
        StringBuilder out = new StringBuilder();
        for (StartupStep.Tag tag : step.getTags()) {
            out.append(tag.getKey()).append('=').append(tag.getValue()).append(' ');
        }
        return out.toString().strip();
    }
}
