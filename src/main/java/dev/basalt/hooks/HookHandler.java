package dev.basalt.hooks;

/**
 * One handler of a {@link Hook}: it gets the event, and calls {@link HookEvent#next()} to continue the chain (the
 * next handler, then the hooked operation itself), or does not, to stop it. Throwing stops the chain with that error.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface HookHandler<E extends HookEvent> {
    /** Handles the event; call {@code event.next()} to let the chain go on. */
    void handle(E event);
}
