package dev.basalt.shared;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Reports a start failure caused by one kind of exception as the one line that exception carries, with what to do
 * about it, instead of Spring's bean-creation stack trace. Subclasses name the exception and the action and are
 * registered in {@code META-INF/spring.factories}; they run before Spring's own analyzers.
 *
 * @param <T> the exception whose message is the report
 */
public abstract class OneLineFailureAnalyzer<T extends Throwable> implements FailureAnalyzer, Ordered {
    private final Class<T> type;
    private final String action;

    protected OneLineFailureAnalyzer(Class<T> type, String action) {
        this.type = type;
        this.action = action;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public final FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return new FailureAnalysis(t.getMessage(), action, t);
            }
        }
        return null;
    }
}
