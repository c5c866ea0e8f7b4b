package com.example.notes;

import dev.basalt.boot.BasaltHooksCustomizer;
import dev.basalt.hooks.Hooks;
import dev.basalt.hooks.Middlewares;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * A cron job and a custom route: {@code notes_stats} counts the notes every ten minutes (on one node of a cluster;
 * a superuser can run it now with {@code POST /api/crons/notes_stats}), and {@code GET /api/notes/stats} answers
 * signed-in users with the last count. The count is read with Basalt's own jOOQ {@link DSLContext}.
 */
@Component
class NoteStats implements BasaltHooksCustomizer {
    static final String JOB = "notes_stats";
    static final String SCHEDULE = "*/10 * * * *";
    static final String ROUTE = "/api/notes/stats";

    private final DSLContext dsl;
    private final Clock clock;
    private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(0, null));

    /** One count of the notes and when it was taken (null: not yet). */
    record Snapshot(int total, Instant countedAt) {
    }

    NoteStats(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Override
    public void customize(Hooks hooks) {
        hooks.cronAdd(JOB, SCHEDULE, this::count);
        hooks.routerAdd("GET", ROUTE, e -> {
            Snapshot s = last.get();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("total", s.total());
            body.put("countedAt", s.countedAt() == null ? "" : s.countedAt().toString());
            e.json(200, body);
        }, Middlewares.requireAuth());
    }

    void count() {
        int total = dsl.fetchCount(DSL.table(DSL.name(NoteHooks.COLLECTION)));
        last.set(new Snapshot(total, clock.instant()));
    }
}
