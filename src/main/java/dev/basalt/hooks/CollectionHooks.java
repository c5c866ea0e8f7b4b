package dev.basalt.hooks;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionJson;
import dev.basalt.collections.CollectionWriteInterceptor;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the {@code onCollectionCreate/Update/Delete} hooks around each collection write and the after-success and
 * after-error hooks after its transaction, through the collections module's {@link CollectionWriteInterceptor}.
 */
@Component
class CollectionHooks implements CollectionWriteInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(CollectionHooks.class);
    private final Hooks hooks;

    CollectionHooks(Hooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public boolean active() {
        return hooks.collectionHooks().stream().anyMatch(h -> h.length() > 0);
    }

    @Override
    public Collection around(Action action, Map<String, Object> values, Supplier<Collection> proceed) {
        Hook<CollectionEvent> hook = hooks.collection(action, 0);
        if (hook.length() == 0) {
            return proceed.get();
        }
        Collection[] saved = {null};
        hook.trigger(new CollectionEvent(action, values, null, null), e -> saved[0] = proceed.get());
        return saved[0];
    }

    @Override
    public void committed(Action action, Collection collection) {
        try {
            hooks.collection(action, 1).trigger(new CollectionEvent(action, CollectionJson.toJson(collection),
                    collection, null));
        } catch (RuntimeException e) { // the change is committed: a failing handler cannot undo it
            LOG.warn("An after-success hook of {} on collection {} failed: {}", action, collection.name(),
                    e.toString());
        }
    }

    @Override
    public void failed(Action action, Map<String, Object> values, RuntimeException error) {
        try {
            hooks.collection(action, 2).trigger(new CollectionEvent(action, values, null, error));
        } catch (RuntimeException e) {
            LOG.warn("An after-error hook of {} on collection {} failed: {}", action, values.get("name"),
                    e.toString());
        }
    }
}
