package dev.basalt.hooks;

import dev.basalt.auth.AuthResponseInterceptor;
import dev.basalt.collections.Collection;
import dev.basalt.records.RecordEnricher;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Runs {@code onRecordEnrich} on each answered record and {@code onRecordAuthRequest} on each auth answer. */
@Component
class AnswerHooks implements RecordEnricher, AuthResponseInterceptor {
    private final Hooks hooks;

    AnswerHooks(Hooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public void enrich(Collection collection, Map<String, Object> json, Caller caller) {
        if (hooks.onRecordEnrich().length() > 0) {
            hooks.onRecordEnrich().trigger(new RecordEnrichEvent(collection, json, caller));
        }
    }

    @Override
    public boolean active() {
        return hooks.onRecordEnrich().length() > 0;
    }

    @Override
    public void around(Collection collection, String authMethod, Map<String, Object> answer,
                       HttpServletRequest request, Runnable proceed) {
        if (hooks.onRecordAuthRequest().length() == 0) {
            proceed.run();
            return;
        }
        hooks.onRecordAuthRequest().trigger(new RecordAuthRequestEvent(request, collection, authMethod, answer),
                e -> proceed.run());
    }
}
