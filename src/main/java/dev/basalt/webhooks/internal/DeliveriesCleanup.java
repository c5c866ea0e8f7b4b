package dev.basalt.webhooks.internal;

import dev.basalt.crons.CronRegistry;
import dev.basalt.webhooks.WebhookSettings;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox small: once a day the cron job {@value #JOB} deletes deliveries that are no longer pending
 * (delivered or failed) and were last touched more than {@code basalt.webhooks.keep-deliveries} ago. Pending ones
 * are never deleted: they still have to be sent or given up.
 */
@Component
class DeliveriesCleanup {
    /** The job's id in {@code /api/crons}. */
    static final String JOB = "__basaltWebhookDeliveriesCleanup__";
    /** Daily, at a quiet hour (UTC). */
    static final String DAILY = "30 3 * * *";
    private final DSLContext dsl;
    private final WebhookSettings settings;
    private final Clock clock;

    DeliveriesCleanup(DSLContext dsl, WebhookSettings settings, Clock clock, CronRegistry crons) {
        this.dsl = dsl;
        this.settings = settings;
        this.clock = clock;
        crons.add(JOB, DAILY, this::purge);
    }

    /** Deletes the old finished deliveries; returns how many. */
    int purge() {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(settings.keepDeliveries());
        return dsl.deleteFrom(DeliveryTable.TABLE)
                .where(DeliveryTable.STATUS.ne(DeliveryTable.PENDING))
                .and(DeliveryTable.UPDATED.lt(before))
                .execute();
    }
}
