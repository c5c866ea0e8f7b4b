package dev.basalt.hooks;

import dev.basalt.records.RecordApiCall;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RecordRequestInterceptor;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Runs the {@code onRecord*Request} hooks around the records REST API's handling of each call. */
@Component
class RequestHooks implements RecordRequestInterceptor {
    private final Hooks hooks;
    private final RecordReads reads;

    RequestHooks(Hooks hooks, RecordReads reads) {
        this.hooks = hooks;
        this.reads = reads;
    }

    @Override
    public ResponseEntity<Object> around(RecordApiCall call, Supplier<ResponseEntity<Object>> proceed) {
        Hook<RecordRequestEvent> hook = hooks.request(call.kind());
        if (hook.length() == 0) {
            return proceed.get();
        }
        RecordRequestEvent event = new RecordRequestEvent(call, () -> call.id() == null ? Map.of()
                : reads.findById(call.collection(), call.id()).orElse(Map.of()));
        hook.trigger(event, e -> e.respond(proceed.get()));
        return event.response() != null ? event.response() : ResponseEntity.noContent().build();
    }
}
