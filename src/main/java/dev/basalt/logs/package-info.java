/**
 * Request and application logs, as PocketBase's {@code _logs}: captured off the request path into a bounded queue,
 * written in batches by one thread per node into the shared table, served by {@code /api/logs}, deleted after
 * {@code logs.maxDays} by a cron job. The settings and the client's address come through
 * {@link dev.basalt.logs.LogsHooks}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"crons", "query", "shared"})
package dev.basalt.logs;
