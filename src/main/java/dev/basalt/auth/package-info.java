/** Authentication: superusers, auth tokens (HS256 JWT keyed per record), and the Caller of each request. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "access", "cluster", "collections", "collections :: fields", "crons", "logs", "query", "realtime", "records", "settings",
        "shared"})
package dev.basalt.auth;
