package dev.basalt.hooks;

/**
 * A life-cycle event of the server: {@code onBootstrap} (the application is initialised, before it serves),
 * {@code onServe} (the web server listens) and {@code onTerminate} (the server shuts down). {@link #next()} ends the
 * chain; the server's own work happens around it.
 */
public final class AppEvent extends HookEvent {
    private final String name;

    public AppEvent(String name) {
        this.name = name;
    }

    /** {@code bootstrap}, {@code serve} or {@code terminate}. */
    public String name() {
        return name;
    }
}
