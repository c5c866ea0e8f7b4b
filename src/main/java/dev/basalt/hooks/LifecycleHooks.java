package dev.basalt.hooks;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Triggers the life-cycle hooks from Spring's events: {@code onBootstrap} once the context is started (before the
 * server is reported ready), {@code onServe} when it is ready, {@code onTerminate} when it closes.
 */
@Component
class LifecycleHooks {
    private final Hooks hooks;

    LifecycleHooks(Hooks hooks) {
        this.hooks = hooks;
    }

    @EventListener(ApplicationStartedEvent.class)
    void started() {
        hooks.onBootstrap().trigger(new AppEvent("bootstrap"));
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        hooks.onServe().trigger(new AppEvent("serve"));
    }

    @EventListener(ContextClosedEvent.class)
    void closed() {
        hooks.onTerminate().trigger(new AppEvent("terminate"));
    }
}
