package dev.basalt.hooks;

import dev.basalt.realtime.RealtimeInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Runs the {@code onRealtime*} hooks through the realtime module's {@link RealtimeInterceptor} seam. */
@Component
class RealtimeHooks implements RealtimeInterceptor {
    private final Hooks hooks;

    RealtimeHooks(Hooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public ResponseEntity<Object> aroundConnect(HttpServletRequest request, String clientId,
                                                Supplier<ResponseEntity<Object>> proceed) {
        Hook<RealtimeConnectRequestEvent> hook = hooks.onRealtimeConnectRequest();
        if (hook.length() == 0) {
            return proceed.get();
        }
        RealtimeConnectRequestEvent event = new RealtimeConnectRequestEvent(request, clientId);
        hook.trigger(event, e -> e.respond(proceed.get()));
        return event.response();
    }

    @Override
    public ResponseEntity<Object> aroundSubscribe(HttpServletRequest request, String clientId,
                                                  List<String> subscriptions,
                                                  Supplier<ResponseEntity<Object>> proceed) {
        Hook<RealtimeSubscribeRequestEvent> hook = hooks.onRealtimeSubscribeRequest();
        if (hook.length() == 0) {
            return proceed.get();
        }
        RealtimeSubscribeRequestEvent event = new RealtimeSubscribeRequestEvent(request, clientId, subscriptions);
        hook.trigger(event, e -> e.respond(proceed.get()));
        return event.response();
    }

    @Override
    public boolean interceptsMessages() {
        return hooks.onRealtimeMessageSend().length() > 0;
    }

    @Override
    public void aroundMessage(String clientId, RealtimeMessage message, Runnable send) {
        Hook<RealtimeMessageEvent> hook = hooks.onRealtimeMessageSend();
        if (hook.length() == 0) {
            send.run();
            return;
        }
        hook.trigger(new RealtimeMessageEvent(clientId, message), e -> send.run());
    }
}
