package dev.basalt.collections.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionJson;
import dev.basalt.collections.CollectionWriteInterceptor;
import dev.basalt.collections.CollectionWriteInterceptor.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@link CollectionWriteInterceptor} calls of one schema change: each write is wrapped as it happens inside the
 * transaction, and remembered, so that after the commit (or the failure) the after-success (or after-error) calls
 * follow for all of them. Without an interceptor a write just happens.
 */
final class CollectionWriteCalls {
    private record Done(Action action, Collection collection, Map<String, Object> values) {
    }

    private final CollectionWriteInterceptor interceptor;
    private final List<Done> done = new ArrayList<>();
    private final List<Done> tried = new ArrayList<>();

    CollectionWriteCalls(CollectionWriteInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    /** A create or update: {@code save} gets the (possibly changed) values; null when a hook skipped it. */
    Collection save(Action action, Collection original, Map<String, Object> submitted,
                    Function<Map<String, Object>, Collection> save) {
        if (interceptor == null) {
            return save.apply(submitted);
        }
        Map<String, Object> stored = original == null ? Map.of() : CollectionJson.toJson(original);
        Map<String, Object> values = new LinkedHashMap<>(stored);
        values.putAll(submitted);
        tried.add(new Done(action, null, values));
        return interceptor.around(action, values, () -> {
            Collection saved = save.apply(patch(stored, submitted, values));
            done.add(new Done(action, saved, values));
            return saved;
        });
    }

    /**
     * What to save: the submitted keys and those a hook changed, but not the stored collection's other keys as its
     * JSON shows them (which hides secrets, so saving them back could lose those).
     */
    static Map<String, Object> patch(Map<String, Object> stored, Map<String, Object> submitted,
                                             Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (submitted.containsKey(k) || !stored.containsKey(k) || !Objects.equals(stored.get(k), v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** A delete of {@code c}; {@code delete} does it. */
    void delete(Collection c, Runnable delete) {
        if (interceptor == null) {
            delete.run();
            return;
        }
        Map<String, Object> values = new LinkedHashMap<>(CollectionJson.toJson(c));
        tried.add(new Done(Action.DELETE, c, values));
        interceptor.around(Action.DELETE, values, () -> {
            delete.run();
            done.add(new Done(Action.DELETE, c, values));
            return c;
        });
    }

    /** After the commit: the after-success calls of the writes that happened ({@code fresh}: as reloaded, or null). */
    void committed(Function<String, Collection> fresh) {
        if (interceptor == null) {
            return;
        }
        for (Done d : done) {
            Collection now = d.action() == Action.DELETE ? null : fresh.apply(d.collection().id());
            interceptor.committed(d.action(), now != null ? now : d.collection());
        }
    }

    /** After a failure: the after-error calls of every write tried. */
    void failed(RuntimeException error) {
        if (interceptor == null) {
            return;
        }
        for (Done d : tried) {
            interceptor.failed(d.action(), d.values(), error);
        }
    }

}
