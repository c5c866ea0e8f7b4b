/**
 * Webhooks: the {@code _webhooks} and {@code _webhookDeliveries} system collections, a transactional outbox filled
 * by a {@link dev.basalt.records.RecordWriteListener}, and a dispatcher that POSTs each committed change, signed,
 * with retries and exponential backoff.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "cluster", "collections", "collections :: fields", "crons", "records", "shared"})
package dev.basalt.webhooks;
