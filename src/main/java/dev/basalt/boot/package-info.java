/**
 * Spring Boot integration: Basalt's default properties for every application that has Basalt on its class path
 * ({@link dev.basalt.boot.BasaltDefaults}), and the auto-configuration that puts the whole server inside a host
 * application's own {@code @SpringBootApplication} ({@link dev.basalt.boot.BasaltAutoConfiguration}), whose
 * {@link dev.basalt.boot.BasaltHooksCustomizer} beans register hooks, routes and cron jobs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"hooks"})
package dev.basalt.boot;
