/** The database: embedded or external PostgreSQL, the connection pool and the system-table migrations. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package dev.basalt.database;
