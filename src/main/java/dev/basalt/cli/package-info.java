/** The {@code basalt} command line: serve, superuser management, backups; starts the Spring application. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"auth", "backups", "hooks", "shared"})
package dev.basalt.cli;
