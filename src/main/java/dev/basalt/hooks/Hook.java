package dev.basalt.hooks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chain of handlers for one kind of event, as PocketBase's {@code hook.Hook}: handlers run in priority order
 * (lower first, then in the order they were bound), each calling {@link HookEvent#next()} to pass the event on; the
 * hooked operation runs after the last. A handler has an id to {@link #unbind} it by (binding the same id again
 * replaces it), and optional tags: bound to tags, it runs only for events carrying one of them (e.g. a collection
 * name). General machinery: it knows nothing of records or HTTP. Safe for concurrent binding and triggering.
 *
 * @param <E> the event type
 */
public final class Hook<E extends HookEvent> {
    private final AtomicLong sequence = new AtomicLong();
    private volatile List<Binding<E>> bindings = List.of();

    /** A bound handler; {@code order} keeps the binding order among equal priorities. */
    private record Binding<E extends HookEvent>(String id, int priority, long order, Set<String> tags,
                                                 HookHandler<E> handler) {
        boolean matches(HookEvent event) {
            return tags.isEmpty() || event.tags().stream().anyMatch(tags::contains);
        }
    }

    /** Binds a handler with priority 0 for every event; returns its generated id. */
    public String bind(HookHandler<E> handler) {
        return bind(null, 0, Set.of(), handler);
    }

    /** Binds a handler with priority 0 for events tagged with one of {@code tags} (none: every event). */
    public String bind(HookHandler<E> handler, String... tags) {
        return bind(null, 0, Set.of(tags), handler);
    }

    /**
     * Binds a handler; {@code id} null generates one, an id already bound replaces that handler; lower priorities
     * run first. Returns the id.
     */
    public synchronized String bind(String id, int priority, Set<String> tags, HookHandler<E> handler) {
        java.util.Objects.requireNonNull(handler, "handler");
        String key = id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
        List<Binding<E>> next = new ArrayList<>(bindings);
        next.removeIf(b -> b.id().equals(key));
        next.add(new Binding<>(key, priority, sequence.incrementAndGet(), Set.copyOf(tags), handler));
        next.sort(Comparator.comparingInt((Binding<E> b) -> b.priority()).thenComparingLong(Binding::order));
        bindings = List.copyOf(next);
        return key;
    }

    /** Removes the handler with this id; false when there is none. */
    public synchronized boolean unbind(String id) {
        List<Binding<E>> next = new ArrayList<>(bindings);
        boolean removed = next.removeIf(b -> b.id().equals(id));
        bindings = List.copyOf(next);
        return removed;
    }

    /** Removes every handler. */
    public synchronized void unbindAll() {
        bindings = List.of();
    }

    /** The number of bound handlers. */
    public int length() {
        return bindings.size();
    }

    /** True when no handler would run for this event (so a caller may skip building a costly event). */
    public boolean isEmptyFor(HookEvent event) {
        return bindings.stream().noneMatch(b -> b.matches(event));
    }

    /**
     * Runs the matching handlers on {@code event}, then {@code operation} when the last one calls
     * {@link HookEvent#next()}. Exceptions of handlers or of the operation propagate to the caller.
     */
    public void trigger(E event, HookHandler<E> operation) {
        List<Binding<E>> matching = bindings.stream().filter(b -> b.matches(event)).toList();
        Runnable previous = event.continuation();
        step(event, matching, 0, operation);
        event.continueWith(previous);
    }

    /** Runs the matching handlers on {@code event} with nothing after them. */
    public void trigger(E event) {
        trigger(event, e -> { });
    }

    private void step(E event, List<Binding<E>> matching, int index, HookHandler<E> operation) {
        if (index == matching.size()) {
            event.continueWith(() -> { });
            operation.handle(event);
            return;
        }
        event.continueWith(() -> step(event, matching, index + 1, operation));
        matching.get(index).handler().handle(event);
    }
}
