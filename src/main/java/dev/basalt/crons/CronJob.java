package dev.basalt.crons;

/**
 * A registered job as {@code GET /api/crons} lists it (PocketBase's shape).
 *
 * @param id         the job id, e.g. {@code __pbLogsCleanup__}
 * @param expression the PocketBase cron expression it was registered with (5 fields or a macro like {@code @daily})
 */
public record CronJob(String id, String expression) {
}
