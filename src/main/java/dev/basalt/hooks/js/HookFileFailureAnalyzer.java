package dev.basalt.hooks.js;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Reports a hook file that failed to load at start as its one line ({@code file:line:column: error}) instead of
 * Spring's bean-creation stack trace (registered in {@code META-INF/spring.factories}).
 */
public final class HookFileFailureAnalyzer implements FailureAnalyzer, Ordered {
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HookFileException hook) {
                return new FailureAnalysis(hook.getMessage(), "Fix the hook file (or move it out of the hooks "
                        + "directory) and start Basalt again.", hook);
            }
        }
        return null;
    }
}
