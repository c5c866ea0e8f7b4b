package dev.basalt.records;

import dev.basalt.realtime.ChangeEvent;
import dev.basalt.realtime.ChangeFeed;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Announces every record write to realtime subscribers; the feed sends it once the transaction commits. */
@Component
@Order(0)
class RecordChanges implements RecordWriteListener {
    private final DSLContext dsl;
    private final ChangeFeed feed;

    RecordChanges(DSLContext dsl, ChangeFeed feed) {
        this.dsl = dsl;
        this.feed = feed;
    }

    @Override
    public void written(RecordWrite write) {
        feed.publish(dsl, new ChangeEvent(write.collection().id(), write.collection().name(), write.id(),
                write.action().pocketBaseName(), RecordSnapshots.encode(write.record())));
    }
}
