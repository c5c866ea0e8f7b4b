/** The {@code basalt} command line: serve, superuser management; starts the Spring application. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"auth", "shared"})
package dev.basalt.cli;
