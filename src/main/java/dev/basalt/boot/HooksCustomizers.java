package dev.basalt.boot;

import dev.basalt.hooks.Hooks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Applies every {@link BasaltHooksCustomizer} bean to the {@link Hooks} once all singletons exist: before the web
 * server starts (so no request misses a hook or route) and before {@code onBootstrap} runs.
 */
@Component
class HooksCustomizers implements SmartInitializingSingleton {
    private final Hooks hooks;
    private final ObjectProvider<BasaltHooksCustomizer> customizers;

    HooksCustomizers(Hooks hooks, ObjectProvider<BasaltHooksCustomizer> customizers) {
        this.hooks = hooks;
        this.customizers = customizers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        customizers.orderedStream().forEach(customizer -> customizer.customize(hooks));
    }
}
