package dev.basalt.realtime.internal;

import dev.basalt.realtime.ChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The subscriptions of this node's clients by topic ({@code collection/RECORD_ID}, {@code collection/*} or
 * {@code collection}, by collection id or name), and which of them a change matches.
 */
final class TopicIndex {
    /** A subscription of a client in the index, and where it starts (shared by one request's new ones). */
    record Entry(Client client, Subscription subscription, SubscriptionStart start) {
    }

    private final Map<String, Set<Entry>> byTopic = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    void add(Entry e) {
        byTopic.computeIfAbsent(e.subscription().topic(), t -> ConcurrentHashMap.newKeySet()).add(e);
        count.incrementAndGet();
    }

    void remove(Entry e) {
        Set<Entry> set = byTopic.get(e.subscription().topic());
        if (set != null && set.remove(e)) {
            count.decrementAndGet();
        }
    }

    /** Subscriptions in the index. */
    int size() {
        return count.get();
    }

    /** The subscriptions a change of this record matches. */
    List<Entry> matching(ChangeEvent c) {
        List<Entry> matched = new ArrayList<>();
        for (String topic : List.of(c.collectionId() + "/" + c.recordId(), c.collectionName() + "/" + c.recordId(),
                c.collectionId() + "/*", c.collectionName() + "/*", c.collectionId(), c.collectionName())) {
            Set<Entry> set = byTopic.get(topic);
            if (set != null) {
                matched.addAll(set);
            }
        }
        return matched;
    }
}
