package dev.basalt.collections.internal;

import dev.basalt.cluster.ClusterBarrier;
import dev.basalt.cluster.ClusterSignals;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionDeleted;
import dev.basalt.collections.CollectionDraft;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.collections.CollectionRenamed;
import dev.basalt.collections.CollectionService;
import dev.basalt.collections.CollectionWriteInterceptor;
import dev.basalt.collections.CollectionWriteInterceptor.Action;
import dev.basalt.database.DatabaseTimeouts;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.FieldError;
import dev.basalt.shared.ValidationErrors;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The {@link CollectionService}: every change runs in one transaction, serialized across nodes by a PostgreSQL
 * advisory lock, and the registry is reloaded after the commit; then a {@link CollectionDeleted} event goes out for
 * every collection it deleted (the files module removes their files).
 */
@Service
public class SchemaChangeService implements CollectionService {
    /** Advisory lock key taken by every schema change ("basalt" in ASCII). */
    static final long LOCK_KEY = 0x626173616c74L;

    /**
     * Cluster channel on which committed schema changes are announced; payload: the sending node's id, a space and
     * the id every other node acknowledges once it has reloaded.
     */
    static final String SCHEMA_CHANNEL = "basalt_schema";
    /** Longest wait for the other nodes to reload before a change is answered anyway (a hung node, logged). */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

    private final DSLContext dsl;
    private final CollectionRegistry registry;
    private final ClusterSignals signals;
    private final ClusterBarrier barrier;
    private final ApplicationEventPublisher events;
    private ObjectProvider<CollectionWriteInterceptor> interceptors;

    /** A service for one node alone (tests): no cross-node announcements, no events. */
    public SchemaChangeService(DSLContext dsl, CollectionRegistry registry) {
        this(dsl, registry, null, null, event -> { });
    }

    /**
     * The application's service: every committed change makes the other nodes reload their registries, and is
     * answered only once they have (read-your-writes on every node); a rename is published as
     * {@link CollectionRenamed}.
     */
    @Autowired
    public SchemaChangeService(DSLContext dsl, CollectionRegistry registry, ClusterSignals signals,
                               ClusterBarrier barrier, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.registry = registry;
        this.signals = signals;
        this.barrier = barrier;
        this.events = events;
        if (signals != null) {
            signals.subscribe(SCHEMA_CHANNEL, this::received);
        }
    }

    /** The hooks around each write (absent in the tests' one-node service). */
    @Autowired
    void interceptors(ObjectProvider<CollectionWriteInterceptor> value) {
        this.interceptors = value;
    }

    private CollectionWriteCalls calls() {
        CollectionWriteInterceptor i = interceptors == null ? null : interceptors.getIfAvailable();
        return new CollectionWriteCalls(i != null && i.active() ? i : null);
    }

    private void received(String payload) {
        if (payload == null) {
            registry.reload();
            return;
        }
        String[] parts = payload.split(" ", 2);
        if (!parts[0].equals(signals.nodeId())) {
            registry.reload();
            if (parts.length == 2 && barrier != null) {
                barrier.acknowledge(parts[1]);
            }
        }
    }

    @Override
    public Collection create(CollectionDraft draft) {
        CollectionWriteCalls calls = calls();
        return change(CollectionErrors.CREATE_FAILED, calls, tx -> calls.save(Action.CREATE, null, draft.values(),
                values -> tx.apply(CollectionDraft.of(values), null, CollectionMerger.Mode.REPLACE)));
    }

    @Override
    public Collection update(String idOrName, CollectionDraft patch) {
        String[] oldName = new String[1];
        CollectionWriteCalls calls = calls();
        Collection updated = change(CollectionErrors.UPDATE_FAILED, calls, tx -> {
            Collection existing = existing(tx, idOrName);
            oldName[0] = existing.name();
            Collection saved = calls.save(Action.UPDATE, existing, patch.values(),
                    values -> tx.apply(CollectionDraft.of(values), existing, CollectionMerger.Mode.REPLACE));
            return saved == null ? existing : saved; // a hook skipped the write
        });
        if (events != null && !updated.name().equals(oldName[0])) {
            events.publishEvent(new CollectionRenamed(updated.id(), oldName[0], updated.name()));
        }
        return updated;
    }

    @Override
    public void delete(String idOrName) {
        CollectionWriteCalls calls = calls();
        change(CollectionErrors.DELETE_FAILED, calls, tx -> {
            Collection c = existing(tx, idOrName);
            if (c.system()) {
                throw ApiException.badRequest("System collections cannot be deleted.");
            }
            Collection referrer = RelationRules.referrer(c, tx.stored());
            if (referrer != null) {
                throw ApiException.badRequest("The collection is referenced by a relation field of collection \""
                        + referrer.name() + "\"; remove that field first.");
            }
            calls.delete(c, () -> tx.delete(c));
            return c;
        });
    }

    @Override
    public void importCollections(List<CollectionDraft> collections, boolean deleteMissing) {
        if (collections == null || collections.isEmpty()) {
            throw CollectionErrors.IMPORT_FAILED.exception(Map.of("collections",
                    new FieldError("validation_required", "No collections to import.")));
        }
        List<CollectionRenamed> renames = new ArrayList<>();
        CollectionWriteCalls calls = calls();
        change(CollectionErrors.IMPORT_FAILED, calls, tx -> {
            renames.clear();
            CollectionMerger.Mode mode = deleteMissing ? CollectionMerger.Mode.IMPORT_DELETE_MISSING
                    : CollectionMerger.Mode.IMPORT_KEEP;
            Set<String> matched = new HashSet<>();
            String[] targets = new String[collections.size()];
            for (int i = 0; i < collections.size(); i++) {
                CollectionDraft d = collections.get(i);
                Object id = d.get("id");
                Object identifier = id instanceof String s && !s.isEmpty() ? s : d.get("name");
                Collection found = identifier instanceof String s ? tx.find(s).orElse(null) : null;
                if (found != null) {
                    matched.add(found.id());
                    targets[i] = found.id();
                }
            }
            if (deleteMissing) {
                for (Collection c : tx.stored()) {
                    if (!c.system() && !matched.contains(c.id())) {
                        calls.delete(c, () -> tx.delete(c));
                    }
                }
            }
            for (int i = 0; i < collections.size(); i++) {
                Collection original = targets[i] == null ? null : tx.find(targets[i]).orElse(null);
                try {
                    Collection saved = calls.save(original == null ? Action.CREATE : Action.UPDATE, original,
                            collections.get(i).values(), values -> tx.apply(CollectionDraft.of(values), original, mode));
                    // as PocketBase, whose import saves each collection like an update: renames are renames
                    if (saved != null && original != null && !saved.name().equals(original.name())) {
                        renames.add(new CollectionRenamed(saved.id(), original.name(), saved.name()));
                    }
                } catch (InvalidCollectionException e) {
                    throw importFailure(i, collections.get(i), e);
                }
            }
            return null;
        });
        if (events != null) {
            renames.forEach(events::publishEvent);
        }
    }

    @Override
    public Collection ensureSystemCollection(Collection definition) {
        Collection known = registry.find(definition.id()).or(() -> registry.find(definition.name())).orElse(null);
        if (known != null) {
            return known;
        }
        return change(CollectionErrors.CREATE_FAILED, calls(), tx -> {
            Collection stored = tx.find(definition.id()).or(() -> tx.find(definition.name())).orElse(null);
            if (stored != null) {
                return stored;
            }
            CollectionBuilder b = CollectionBuilder.from(definition);
            b.system = true;
            return tx.save(b, null, new ValidationErrors());
        });
    }

    private static Collection existing(SchemaTransaction tx, String idOrName) {
        return tx.find(idOrName).orElseThrow(ApiException::notFound);
    }

    private static InvalidCollectionException importFailure(int i, CollectionDraft d, InvalidCollectionException e) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        StringBuilder summary = new StringBuilder("Data validations failed for collection \"")
                .append(d.get("name")).append("\" (").append(d.get("id")).append("):");
        e.errors().forEach((key, error) -> {
            errors.put("collections." + i + "." + key, error);
            summary.append(' ').append(key).append(": ").append(error.message());
        });
        errors.put("collections", new FieldError("validation_collections_import_failure", summary.toString()));
        return new InvalidCollectionException(errors);
    }

    private <T> T change(CollectionErrors failure, CollectionWriteCalls calls, Function<SchemaTransaction, T> work) {
        T result;
        List<Collection> deleted = new ArrayList<>();
        String ackId = barrier == null ? "" : barrier.expect();
        try {
            result = dsl.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                // DDL (an index on a large table) may run longer than the socket timeout that guards queries
                tx.connection(DatabaseTimeouts::allowLongStatements);
                tx.select(DSL.function(DSL.name("pg_advisory_xact_lock"), Object.class, DSL.inline(LOCK_KEY)))
                        .fetch();
                SchemaTransaction schema = new SchemaTransaction(tx, now());
                T done = work.apply(schema);
                deleted.addAll(schema.deleted());
                if (signals != null) {
                    signals.send(tx, SCHEMA_CHANNEL, signals.nodeId() + " " + ackId);
                }
                return done;
            });
        } catch (RuntimeException e) {
            if (barrier != null) {
                barrier.forget(ackId);
            }
            RuntimeException thrown = e instanceof InvalidCollectionException invalid
                    ? failure.exception(invalid.errors()) : e;
            calls.failed(thrown);
            throw thrown;
        }
        registry.reload();
        if (barrier != null) {
            barrier.await(ackId, ACK_TIMEOUT);
        }
        deleted.forEach(c -> events.publishEvent(new CollectionDeleted(c)));
        calls.committed(id -> registry.find(id).orElse(null));
        if (result instanceof Collection c) {
            @SuppressWarnings("unchecked")
            T fresh = (T) registry.find(c.id()).orElse(c);
            return fresh;
        }
        return result;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
