/**
 * Hooks: PocketBase's {@code hook.Hook} chains ({@link dev.basalt.hooks.Hook}, general machinery that knows no
 * domain), the application's hook registry ({@link dev.basalt.hooks.Hooks}: record model and request hooks, auth,
 * enrich, life-cycle hooks, custom routes, cron jobs) attached to the records module's write path and API through its
 * interceptor seams, and PocketBase's JavaScript hooks ({@code *.pb.js}, GraalJS) in {@code hooks.js}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "auth", "backups", "batch", "collections", "collections :: fields", "crons", "files", "query", "realtime",
        "records", "settings", "shared"})
package dev.basalt.hooks;
