/**
 * Cron jobs: a registry other modules add jobs to ({@link dev.basalt.crons.CronRegistry}), a scheduler that runs
 * each due job on one node of the cluster only, PocketBase's {@code /api/crons} API and per-job metrics.
 * General machinery: it knows no domain module; jobs are plain {@link java.lang.Runnable}s.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package dev.basalt.crons;
