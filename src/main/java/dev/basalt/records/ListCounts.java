package dev.basalt.records;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The totals of record lists, cached per node and kept exact. A total is keyed by the collection, the count's SQL and
 * its bound values (the filter, the rule and the caller's values in it, such as {@code @request.auth.id}), and is
 * served only while nothing it depends on has moved since it was counted: the collection's write generation (moved
 * when a write starts and again when its transaction ends, commit or rollback; no total is cached while a write is
 * in flight), the schema's version (schema changes, imports and restores, on every node through the cluster
 * barrier) and {@link CountCluster#epoch()} (cached totals are used only while this node is the only live node).
 * Only counts that read the collection's own table alone are cached (no join, no subquery: those read other
 * tables), never for views or system collections (written outside the records path), nor inside a transaction.
 */
@Component
@Order(10)
class ListCounts implements RecordWriteListener {
    /** Most totals kept (one per collection, filter, rule and caller values). */
    static final int MAX_ENTRIES = 10_000;
    /** A total is dropped this long after it was counted even if nothing moved (bounds the memory of idle keys). */
    static final Duration TTL = Duration.ofMinutes(10);

    private final Cache<Key, Entry> cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(TTL)
            .build();
    private final Map<String, Generation> generations = new ConcurrentHashMap<>();
    private final CollectionRegistry registry;
    private final CountCluster cluster;
    private final LongAdder hits = new LongAdder();

    ListCounts(CollectionRegistry registry, CountCluster cluster) {
        this.registry = registry;
        this.cluster = cluster;
    }

    /**
     * The number of rows the count's {@code sql} with these bound {@code values} counts: from the cache when still
     * exact, else by running it ({@code run}).
     */
    long total(Collection collection, String sql, List<Object> values, LongSupplier run) {
        if (collection.system() || collection.isView()
                || TransactionSynchronizationManager.isActualTransactionActive() || !cluster.alone()) {
            return run.getAsLong();
        }
        if (!readsOneTable(sql)) {
            return run.getAsLong();
        }
        Key key = new Key(collection.id(), sql, values);
        Generation generation = generations.computeIfAbsent(collection.id(), id -> new Generation());
        Stamp before = stamp(generation);
        Entry cached = before == null ? null : cache.getIfPresent(key);
        if (cached != null && cached.stamp().equals(before)) {
            hits.increment();
            return cached.total();
        }
        long total = run.getAsLong();
        if (before != null && before.equals(stamp(generation)) && cluster.alone()) {
            cache.put(key, new Entry(before, total));
        }
        return total;
    }

    /** Totals answered from the cache since start (for tests and diagnostics). */
    long hits() {
        return hits.sum();
    }

    @Override
    public void written(RecordWrite write) {
        cluster.beforeWrite();
        String id = write.collection().id();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) { // already committed (autocommit)
            Generation g = generations.computeIfAbsent(id, k -> new Generation());
            g.begin();
            g.end();
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> touched = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (touched == null) {
            Set<String> ids = new HashSet<>();
            touched = ids;
            TransactionSynchronizationManager.bindResource(this, ids);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) { // committed or rolled back: the counts may move again
                    TransactionSynchronizationManager.unbindResourceIfPossible(ListCounts.this);
                    ids.forEach(c -> generations.get(c).end());
                }
            });
        }
        if (touched.add(id)) {
            generations.computeIfAbsent(id, k -> new Generation()).begin();
        }
    }

    /** What a total depends on now, or null while a write to the collection is in flight. */
    private Stamp stamp(Generation generation) {
        if (generation.inFlight.get() > 0) {
            return null;
        }
        return new Stamp(generation.value.get(), registry.version(), cluster.epoch());
    }

    /**
     * True when the count reads one table and nothing else: one SELECT (no subquery, e.g. a relation's or
     * {@code @collection}'s EXISTS) and no JOIN. Values are bound, so only names could contain these words, which
     * at worst means a total that is not cached.
     */
    static boolean readsOneTable(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return occurrences(lower, "select") == 1 && occurrences(lower, "from") == 1 && !lower.contains("join");
    }

    private static int occurrences(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
            n++;
        }
        return n;
    }

    /** A collection's writes: {@code value} moves when a write starts and when it ends; in flight until then. */
    private static final class Generation {
        final AtomicLong value = new AtomicLong();
        final AtomicInteger inFlight = new AtomicInteger();

        void begin() {
            inFlight.incrementAndGet();
            value.incrementAndGet();
        }

        void end() {
            value.incrementAndGet();
            inFlight.decrementAndGet();
        }
    }

    private record Key(String collectionId, String sql, List<Object> values) {
    }

    private record Stamp(long generation, long schema, long epoch) {
    }

    private record Entry(Stamp stamp, long total) {
    }
}
