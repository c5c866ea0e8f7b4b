-- The webhook outbox: one row per delivery, inserted in the transaction of the record write it announces
-- (so a rolled-back write leaves none and a committed one is never lost), then sent and updated by a dispatcher.
-- The system view collection _webhookDeliveries reads it (superusers only).
CREATE TABLE _webhook_deliveries (
    id              text PRIMARY KEY,
    webhook         text        NOT NULL,
    collection      text        NOT NULL,
    action          text        NOT NULL,
    record          text        NOT NULL,
    payload         text        NOT NULL,
    status          text        NOT NULL DEFAULT 'pending',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt    timestamptz NOT NULL,
    give_up_at      timestamptz NOT NULL,
    last_error      text        NOT NULL DEFAULT '',
    response_status integer     NOT NULL DEFAULT 0,
    response_ms     integer     NOT NULL DEFAULT 0,
    created         timestamptz NOT NULL,
    updated         timestamptz NOT NULL
);

-- The dispatcher's query: due pending rows, oldest first.
CREATE INDEX _webhook_deliveries_due ON _webhook_deliveries (next_attempt) WHERE status = 'pending';
CREATE INDEX _webhook_deliveries_created ON _webhook_deliveries (created);
