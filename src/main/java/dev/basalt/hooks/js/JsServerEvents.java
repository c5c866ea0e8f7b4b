package dev.basalt.hooks.js;

import dev.basalt.hooks.Hook;
import dev.basalt.hooks.HookEvent;
import dev.basalt.hooks.Hooks;
import dev.basalt.hooks.MailerRecordEvent;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.function.BiConsumer;

/** Binds JS handlers to the mailer and realtime hooks ({@link dev.basalt.hooks.ServerHooks}) by PocketBase's names. */
final class JsServerEvents {
    private JsServerEvents() {
    }

    static void bind(Hooks hooks, String name, Set<String> tags, String id, JsPool.Handler h, JsPool pool,
                     BiConsumer<Hook<? extends HookEvent>, String> bound) {
        switch (name) {
            case "onMailerSend" -> bind(hooks.onMailerSend(), Set.of(), id, bound,
                    e -> pool.run(h, new JsEvent("mailer", e, null, null, false, null)));
            case "onMailerRecordPasswordResetSend" -> mail(hooks.onMailerRecordPasswordResetSend(), tags, id, h, pool, bound);
            case "onMailerRecordVerificationSend" -> mail(hooks.onMailerRecordVerificationSend(), tags, id, h, pool, bound);
            case "onMailerRecordEmailChangeSend" -> mail(hooks.onMailerRecordEmailChangeSend(), tags, id, h, pool, bound);
            case "onMailerRecordOTPSend" -> mail(hooks.onMailerRecordOTPSend(), tags, id, h, pool, bound);
            case "onMailerRecordAuthAlertSend" -> mail(hooks.onMailerRecordAuthAlertSend(), tags, id, h, pool, bound);
            case "onRealtimeConnectRequest" -> bind(hooks.onRealtimeConnectRequest(), Set.of(), id, bound,
                    e -> pool.run(h, new JsEvent("realtime-connect", e, null, null, false, e)));
            case "onRealtimeSubscribeRequest" -> bind(hooks.onRealtimeSubscribeRequest(), Set.of(), id, bound,
                    e -> pool.run(h, new JsEvent("realtime-subscribe", e, null, null, false, e)));
            case "onRealtimeMessageSend" -> bind(hooks.onRealtimeMessageSend(), Set.of(), id, bound,
                    e -> pool.run(h, new JsEvent("realtime-message", e, null, null, false, null)));
            default -> throw new IllegalArgumentException("Unknown hook " + name + ".");
        }
    }

    private static void mail(Hook<MailerRecordEvent> hook, Set<String> tags, String id, JsPool.Handler h,
                             JsPool pool, BiConsumer<Hook<? extends HookEvent>, String> bound) {
        bind(hook, tags, id, bound, e -> pool.run(h, new JsEvent("mailer", e, e.collection(),
                new JsRecord(e.collection(), e.record(), new LinkedHashMap<>(), null), false, null)));
    }

    private static <E extends HookEvent> void bind(Hook<E> hook, Set<String> tags, String id,
                                                   BiConsumer<Hook<? extends HookEvent>, String> bound,
                                                   dev.basalt.hooks.HookHandler<E> handler) {
        hook.bind(id, 0, tags, handler);
        bound.accept(hook, id);
    }
}
