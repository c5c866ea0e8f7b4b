/**
 * Backups and restore ({@code /api/backups}, {@code basalt backup}): a consistent snapshot of every table of the
 * database schema and of the stored files in one zip, and a restore that loads such a zip into a fresh schema,
 * checks it and switches over atomically; automatic backups by the settings' {@code backups.cron}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "auth", "cluster", "crons", "database", "files", "ops", "settings", "shared"})
package dev.basalt.backups;
