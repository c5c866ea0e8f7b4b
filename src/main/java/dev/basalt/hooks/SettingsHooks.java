package dev.basalt.hooks;

import dev.basalt.settings.SettingsChanged;
import dev.basalt.settings.SettingsRequestInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Runs {@code onSettingsListRequest}, {@code onSettingsUpdateRequest} and {@code onSettingsReload}. */
@Component
class SettingsHooks implements SettingsRequestInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsHooks.class);
    private final Hooks hooks;

    SettingsHooks(Hooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public boolean active() {
        return hooks.onSettingsListRequest().length() > 0 || hooks.onSettingsUpdateRequest().length() > 0;
    }

    @Override
    public ResponseEntity<Object> aroundList(HttpServletRequest request, Map<String, Object> settings,
                                             Supplier<ResponseEntity<Object>> proceed) {
        return run(hooks.onSettingsListRequest(), new SettingsRequestEvent(request, null, settings), proceed);
    }

    @Override
    public ResponseEntity<Object> aroundUpdate(HttpServletRequest request, Map<String, Object> oldSettings,
                                               Map<String, Object> newSettings,
                                               Supplier<ResponseEntity<Object>> proceed) {
        return run(hooks.onSettingsUpdateRequest(), new SettingsRequestEvent(request, oldSettings, newSettings),
                proceed);
    }

    private static ResponseEntity<Object> run(Hook<SettingsRequestEvent> hook, SettingsRequestEvent event,
                                              Supplier<ResponseEntity<Object>> proceed) {
        if (hook.length() == 0) {
            return proceed.get();
        }
        hook.trigger(event, e -> e.respond(proceed.get()));
        return event.response() != null ? event.response() : ResponseEntity.noContent().build();
    }

    /** The settings were saved here, on another node, or restored: {@code onSettingsReload}. */
    @EventListener
    void reloaded(SettingsChanged changed) {
        if (hooks.onSettingsReload().length() == 0) {
            return;
        }
        try {
            hooks.onSettingsReload().trigger(new AppEvent("settingsReload"));
        } catch (RuntimeException e) { // the settings are saved: a failing handler cannot undo that
            LOG.warn("An onSettingsReload hook failed: {}", e.toString());
        }
    }
}
