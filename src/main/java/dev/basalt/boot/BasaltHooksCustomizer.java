package dev.basalt.boot;

import dev.basalt.hooks.Hooks;

/**
 * How an embedding application registers its hooks, custom routes and cron jobs: declare beans of this type and
 * Basalt calls each once at start (in {@link org.springframework.core.annotation.Order} order), after every bean
 * exists and before the server takes requests or runs {@code onBootstrap}.
 *
 * <pre>{@code
 * @Bean
 * BasaltHooksCustomizer slugs() {
 *     return hooks -> hooks.onRecordCreate().bind(e -> {
 *         e.record().put("slug", slugOf(e.record().get("title")));
 *         e.next();
 *     }, "posts");
 * }
 * }</pre>
 *
 * Injecting {@link Hooks} into a bean and binding there works as well; this type keeps the registrations in one
 * place and runs them at a well-defined moment.
 */
@FunctionalInterface
public interface BasaltHooksCustomizer {
    /** Binds handlers, adds routes and cron jobs on the application's {@link Hooks}. */
    void customize(Hooks hooks);
}
