/**
 * PocketBase's batch API ({@code POST /api/batch}): record creates, updates, upserts and deletes run through the
 * records module's {@code RecordService} inside one transaction, all or nothing. {@link dev.basalt.batch.BatchSettings}
 * holds the limits.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "auth", "collections", "query", "records", "settings", "shared"})
package dev.basalt.batch;
