package dev.basalt.crons.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Decides which node runs a scheduled run: every node tries to insert {@code (job, minute)} into {@code _cron_runs}
 * and only the one whose insert lands runs it ({@code ON CONFLICT DO NOTHING}), so a run happens once per cluster
 * even when the nodes' clocks differ by seconds.
 */
@Component
public class CronClaims {
    /** How long claims are kept: far longer than any clock difference between nodes. */
    static final Duration KEEP = Duration.ofDays(1);
    private static final Table<Record> RUNS = DSL.table(DSL.name("_cron_runs"));
    private static final Field<String> JOB = DSL.field(DSL.name("job_id"), String.class);
    private static final Field<OffsetDateTime> SCHEDULED = DSL.field(DSL.name("scheduled"), OffsetDateTime.class);
    private static final Field<String> NODE = DSL.field(DSL.name("node"), String.class);
    private final DSLContext dsl;
    private final String node = UUID.randomUUID().toString();

    CronClaims(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** True when this node claimed the run of {@code jobId} scheduled at {@code minute}. */
    public boolean claim(String jobId, Instant minute) {
        return dsl.insertInto(RUNS).columns(JOB, SCHEDULED, NODE)
                .values(jobId, minute.atOffset(ZoneOffset.UTC), node)
                .onConflictDoNothing().execute() == 1;
    }

    /** Deletes claims older than {@link #KEEP}. */
    public void prune(Instant now) {
        dsl.deleteFrom(RUNS).where(SCHEDULED.lt(now.minus(KEEP).atOffset(ZoneOffset.UTC))).execute();
    }
}
