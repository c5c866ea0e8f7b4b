package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.realtime.ChangeEvent;
import dev.basalt.realtime.ChangeFeed;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Announces a record change to realtime subscribers; called inside the write's transaction (sent on commit). */
@Component
class RecordChanges {
    private final ChangeFeed feed;

    RecordChanges(ChangeFeed feed) {
        this.feed = feed;
    }

    /** {@code action} is create, update or delete; {@code stored} the row after the change (before, for delete). */
    void announce(DSLContext tx, Collection collection, String action, Map<String, Object> stored) {
        feed.publish(tx, new ChangeEvent(collection.id(), collection.name(), String.valueOf(stored.get("id")), action,
                RecordSnapshots.encode(collection, stored)));
    }
}
