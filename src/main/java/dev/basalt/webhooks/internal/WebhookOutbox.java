package dev.basalt.webhooks.internal;

import static dev.basalt.webhooks.internal.DeliveryTable.*;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.records.RecordData;
import dev.basalt.records.RecordJson;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RecordTables;
import dev.basalt.records.RecordWrite;
import dev.basalt.records.RecordWriteListener;
import dev.basalt.webhooks.WebhookSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox side of webhooks: for each record write matching an active webhook, inserts a pending delivery row
 * in the write's own transaction (a rolled-back write leaves none; a committed one survives a crash), and wakes
 * this node's {@link Dispatcher} once the transaction commits. The body is rendered now, as a superuser sees the
 * record (hidden fields too; never passwords or token keys), so a later change does not alter what is announced.
 */
@Component
@Order(1)
class WebhookOutbox implements RecordWriteListener {
    /** Most webhooks one write is matched against; more active ones than this are not expected. */
    static final int MAX_WEBHOOKS = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_LENGTH = 15;

    private final DSLContext dsl;
    private final CollectionRegistry registry;
    private final RecordReads reads;
    private final Clock clock;
    private final Dispatcher dispatcher;
    private final WebhookSettings settings;

    WebhookOutbox(DSLContext dsl, CollectionRegistry registry, RecordReads reads, Clock clock,
                  Dispatcher dispatcher, WebhookSettings settings) {
        this.settings = settings;
        this.dsl = dsl;
        this.registry = registry;
        this.reads = reads;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    @Override
    public void written(RecordWrite write) {
        Collection webhooks = registry.find(WebhooksCollection.ID).orElse(null);
        if (webhooks == null) {
            return; // still starting: the collection is created after the listeners exist
        }
        var active = RecordTables.column(webhooks, webhooks.field("active").orElseThrow());
        List<Map<String, Object>> matching = reads.findAll(webhooks, active.eq(true), MAX_WEBHOOKS).stream()
                .filter(w -> matches(w, write)).toList();
        if (matching.isEmpty()) {
            return;
        }
        String payload = payload(write);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Map<String, Object> webhook : matching) {
            dsl.insertInto(TABLE).set(ID, newId()).set(WEBHOOK, String.valueOf(webhook.get("id")))
                    .set(COLLECTION, write.collection().name()).set(ACTION, write.action().pocketBaseName())
                    .set(RECORD, write.id()).set(PAYLOAD, payload).set(STATUS, PENDING).set(ATTEMPTS, 0)
                    .set(NEXT_ATTEMPT, now)
                    .set(GIVE_UP_AT, now.plus(settings.giveUpAfter())).set(CREATED, now).set(UPDATED, now).execute();
        }
        wakeAfterCommit();
    }

    /** The webhook names the collection (by name or id) and asks for this action. */
    static boolean matches(Map<String, Object> webhook, RecordWrite write) {
        String target = String.valueOf(webhook.get("collection")).trim();
        boolean collection = target.equals(write.collection().name()) || target.equals(write.collection().id());
        Object events = webhook.get("events"); // a multiple select is stored as text[]
        List<?> wanted = events instanceof String[] a ? List.of(a) : events instanceof List<?> l ? l : List.of();
        return collection && wanted.contains(write.action().pocketBaseName());
    }

    static String payload(RecordWrite write) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", write.action().pocketBaseName());
        body.put("collection", write.collection().name());
        body.put("record", RecordJson.render(write.record(), true, true));
        return JSON.writeValueAsString(body);
    }

    private void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            dispatcher.wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.wake();
            }
        });
    }

    private static String newId() {
        byte[] b = new byte[ID_LENGTH];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b).substring(0, ID_LENGTH);
    }
}
