package dev.basalt.hooks;

import java.util.Set;

/**
 * The base of every hook event: the continuation of its chain. As PocketBase's {@code hook.Event}, a handler calls
 * {@link #next()} to run the following handlers and, at the end, the hooked operation; a handler that returns without
 * calling it stops the chain there. Events with {@link #tags()} (record events: the collection's id and name) let
 * handlers bound to some tags only ({@link Hook#bind(HookHandler, String...)}) skip the others.
 */
public abstract class HookEvent {
    private Runnable next = () -> { };

    /** Runs the rest of the chain: the next handler, or the operation itself after the last one. */
    public void next() {
        Runnable current = next;
        next = () -> { }; // a second call does nothing, as the operation must not run twice
        current.run();
    }

    /** The tags a handler's filter matches, e.g. a record event's collection id and name; none by default. */
    public Set<String> tags() {
        return Set.of();
    }

    /** Sets what {@link #next()} runs; used by {@link Hook#trigger}. */
    final void continueWith(Runnable value) {
        this.next = value;
    }

    final Runnable continuation() {
        return next;
    }
}
