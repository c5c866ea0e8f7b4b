-- The JS migrations (basalt_migrations/*.js, PocketBase's pb_migrations) applied to this database, by file name.
-- Flyway's own history is _migrations, so these get a table of their own. applied: Unix time in microseconds,
-- as PocketBase records it.

CREATE TABLE "_jsMigrations" (
    file    text PRIMARY KEY,
    applied bigint NOT NULL
);
