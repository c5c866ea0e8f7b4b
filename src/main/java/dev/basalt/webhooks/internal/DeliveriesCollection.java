package dev.basalt.webhooks.internal;

import dev.basalt.collections.Collection;
import java.util.List;

/**
 * The system view collection {@code _webhookDeliveries}: the outbox table {@code _webhook_deliveries} as read-only
 * records (superusers only, every rule null), so the API, the SDK and the dashboard list them like any collection.
 * The payload stays out: it holds the record with its hidden fields, already visible through that collection.
 */
final class DeliveriesCollection {
    static final String NAME = "_webhookDeliveries";
    static final String ID = "pbc_webhookdeliv1";
    static final String QUERY = "SELECT id, webhook, collection, action, record, status, attempts, "
            + "last_error AS \"lastError\", response_status AS \"responseStatus\", "
            + "response_ms AS \"responseTimeMs\", created, updated FROM _webhook_deliveries";

    private DeliveriesCollection() {
    }

    static Collection definition() {
        return new Collection(ID, NAME, Collection.VIEW, true, List.of(), List.of(), null, null, null, null, null,
                null, null, QUERY);
    }
}
