-- Request and application logs (PocketBase's _logs). Written in batches off the request path by every node;
-- deleted after logs.maxDays by the __pbLogsCleanup__ cron job.

CREATE TABLE _logs (
    id      text PRIMARY KEY,
    created timestamptz NOT NULL DEFAULT now(),
    level   integer     NOT NULL DEFAULT 0,      -- PocketBase's levels: DEBUG -4, INFO 0, WARN 4, ERROR 8
    message text        NOT NULL DEFAULT '',
    data    jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX _logs_created ON _logs (created);

-- Scheduled cron runs claimed by a node: the first node to insert (job, minute) runs it, the others skip it.
CREATE TABLE _cron_runs (
    job_id    text        NOT NULL,
    scheduled timestamptz NOT NULL,
    node      text        NOT NULL,
    claimed   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, scheduled)
);
CREATE INDEX _cron_runs_scheduled ON _cron_runs (scheduled);
