package dev.basalt.webhooks.internal;

import static dev.basalt.webhooks.internal.DeliveryTable.*;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.records.RecordReads;
import dev.basalt.shared.SecretCipher;
import dev.basalt.webhooks.WebhookSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries of the outbox. One loop per node claims due pending rows with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} and, in the same short transaction, moves their next attempt a
 * {@link #LEASE} ahead, so every node of a cluster skips them while this one sends each on a virtual thread; the
 * outcome is then written back. A node that dies mid-send leaves the lease to expire and the delivery is sent
 * again: delivery is at least once, and receivers deduplicate by {@code X-Basalt-Delivery}. The loop is woken
 * after each local commit that queued deliveries and otherwise polls every
 * {@link WebhookSettings#pollInterval()} (other nodes' rows, retries, rows left by a restart).
 */
@Component
class Dispatcher implements SmartLifecycle {
    /** Rows claimed per transaction. */
    static final int CLAIM_BATCH = 50;
    /** Most deliveries being sent at once by one node. */
    static final int MAX_IN_FLIGHT = 64;
    /** How long a claimed delivery is left alone by every node; well above a request's timeout. */
    static final Duration LEASE = WebhookSender.TIMEOUT.multipliedBy(6);
    /** Wait before the second attempt; doubled for each further one. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    /** Longest wait between two attempts. */
    static final Duration MAX_RETRY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final DSLContext dsl;
    private final CollectionRegistry registry;
    private final RecordReads reads;
    private final WebhookSender sender;
    private final WebhookSecrets secrets;
    private final WebhookSettings settings;
    private final Clock clock;
    private final Semaphore wakeups = new Semaphore(0);
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private volatile boolean running;
    private volatile Thread loop;

    Dispatcher(DSLContext dsl, CollectionRegistry registry, RecordReads reads, WebhookSender sender,
               WebhookSecrets secrets, WebhookSettings settings, Clock clock) {
        this.dsl = dsl;
        this.registry = registry;
        this.reads = reads;
        this.sender = sender;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
    }

    /** Looks for due deliveries now instead of at the next poll. */
    void wake() {
        wakeups.release();
    }

    @Override
    public void start() {
        if (!settings.dispatch()) {
            log.info("Webhook dispatch is off on this node (basalt.webhooks.dispatch=false)");
            return;
        }
        running = true;
        loop = Thread.ofVirtual().name("basalt-webhooks").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = loop;
        if (t != null) {
            t.interrupt();
            try {
                t.join(WebhookSender.TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                wakeups.drainPermits();
                dispatchDue();
                if (wakeups.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Webhook dispatch failed, trying again at the next poll: {}", e.getMessage());
                try {
                    Thread.sleep(settings.pollInterval().toMillis()); // the database may be away
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Claims and sends due deliveries until none are left. */
    private void dispatchDue() throws InterruptedException {
        while (running) {
            inFlight.acquire();
            int permits = 1 + inFlight.drainPermits();
            List<Record> claimed = claim(Math.min(permits, CLAIM_BATCH));
            inFlight.release(permits - claimed.size());
            if (claimed.isEmpty()) {
                return;
            }
            for (Record row : claimed) {
                Thread.ofVirtual().name("basalt-webhook-" + row.get(ID)).start(() -> {
                    try {
                        attempt(row);
                    } catch (RuntimeException e) {
                        log.warn("Webhook delivery {} not recorded: {}", row.get(ID), e.getMessage());
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
    }

    private List<Record> claim(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            List<Record> rows = new ArrayList<>(tx.select(ID, WEBHOOK, PAYLOAD, ATTEMPTS, GIVE_UP_AT).from(TABLE)
                    .where(STATUS.eq(PENDING)).and(NEXT_ATTEMPT.le(now)).orderBy(NEXT_ATTEMPT).limit(limit)
                    .forUpdate().skipLocked().fetch());
            if (!rows.isEmpty()) {
                tx.update(TABLE).set(NEXT_ATTEMPT, now.plus(LEASE))
                        .where(ID.in(rows.stream().map(r -> r.get(ID)).toList())).execute();
            }
            return rows;
        });
    }

    private void attempt(Record row) {
        Map<String, Object> webhook = webhook(row.get(WEBHOOK));
        WebhookSender.Outcome outcome;
        if (webhook == null) {
            outcome = new WebhookSender.Outcome(false, false, 0, 0, "the webhook no longer exists");
        } else if (!Boolean.TRUE.equals(webhook.get("active"))) {
            outcome = new WebhookSender.Outcome(false, false, 0, 0, "the webhook is inactive");
        } else {
            outcome = send(webhook, row);
        }
        record(row, outcome);
    }

    private WebhookSender.Outcome send(Map<String, Object> webhook, Record row) {
        String secret;
        try {
            secret = secrets.plain(webhook);
        } catch (SecretCipher.Failure e) {
            // retried: a restart with the right key delivers it before the give-up time
            return new WebhookSender.Outcome(false, true, 0, 0, "the webhook's secret is encrypted and cannot be "
                    + "decrypted: start Basalt with the encryption key it was saved with");
        }
        return sender.send(String.valueOf(webhook.get("url")), secret, row.get(ID), row.get(PAYLOAD));
    }

    private Map<String, Object> webhook(String id) {
        Collection webhooks = registry.find(WebhooksCollection.ID).orElse(null);
        return webhooks == null ? null : reads.findById(webhooks, id).orElse(null);
    }

    private void record(Record row, WebhookSender.Outcome outcome) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int attempts = row.get(ATTEMPTS) + 1;
        OffsetDateTime next = now.plus(backoff(attempts));
        String status = outcome.delivered() ? DELIVERED
                : outcome.retry() && !next.isAfter(row.get(GIVE_UP_AT)) ? PENDING : FAILED;
        dsl.update(TABLE).set(STATUS, status).set(ATTEMPTS, attempts).set(NEXT_ATTEMPT, next)
                .set(LAST_ERROR, outcome.error()).set(RESPONSE_STATUS, outcome.status())
                .set(RESPONSE_MS, outcome.millis()).set(UPDATED, now).where(ID.eq(row.get(ID))).execute();
    }

    /** The wait after the {@code attempts}-th failed attempt: {@link #FIRST_RETRY} doubled, at most {@link #MAX_RETRY}. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(attempts - 1, 20); // 2^20 × 10 s is far past the cap already
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }
}
