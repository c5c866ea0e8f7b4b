package dev.basalt.hooks.js;

import dev.basalt.shared.OneLineFailureAnalyzer;

/**
 * Reports a hook file that failed to load at start as its one line ({@code file:line:column: error}) instead of
 * Spring's bean-creation stack trace (registered in {@code META-INF/spring.factories}).
 */
public final class HookFileFailureAnalyzer extends OneLineFailureAnalyzer<HookFileException> {
    public HookFileFailureAnalyzer() {
        super(HookFileException.class, "Fix the hook file (or move it out of the hooks directory) and start Basalt "
                + "again.");
    }
}
