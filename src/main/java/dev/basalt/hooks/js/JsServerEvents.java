package dev.basalt.hooks.js;

import dev.basalt.hooks.CollectionEvent;
import dev.basalt.hooks.CollectionRequestEvent;
import dev.basalt.hooks.Hook;
import dev.basalt.hooks.HookEvent;
import dev.basalt.hooks.Hooks;
import dev.basalt.hooks.MailerRecordEvent;
import dev.basalt.hooks.RecordAuthEndpointEvent;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.function.BiConsumer;

/** Binds JS handlers to the mailer, realtime, collection, settings and backup hooks ({@link dev.basalt.hooks.ServerHooks}) by PocketBase's names. */
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
            case "onCollectionCreate" -> collection(hooks.onCollectionCreate(), tags, id, h, pool, bound);
            case "onCollectionUpdate" -> collection(hooks.onCollectionUpdate(), tags, id, h, pool, bound);
            case "onCollectionDelete" -> collection(hooks.onCollectionDelete(), tags, id, h, pool, bound);
            case "onCollectionAfterCreateSuccess" -> collection(hooks.onCollectionAfterCreateSuccess(), tags, id, h, pool, bound);
            case "onCollectionAfterUpdateSuccess" -> collection(hooks.onCollectionAfterUpdateSuccess(), tags, id, h, pool, bound);
            case "onCollectionAfterDeleteSuccess" -> collection(hooks.onCollectionAfterDeleteSuccess(), tags, id, h, pool, bound);
            case "onCollectionAfterCreateError" -> collection(hooks.onCollectionAfterCreateError(), tags, id, h, pool, bound);
            case "onCollectionAfterUpdateError" -> collection(hooks.onCollectionAfterUpdateError(), tags, id, h, pool, bound);
            case "onCollectionAfterDeleteError" -> collection(hooks.onCollectionAfterDeleteError(), tags, id, h, pool, bound);
            case "onCollectionsListRequest" -> request(hooks.onCollectionsListRequest(), tags, id, h, pool, bound);
            case "onCollectionViewRequest" -> request(hooks.onCollectionViewRequest(), tags, id, h, pool, bound);
            case "onCollectionCreateRequest" -> request(hooks.onCollectionCreateRequest(), tags, id, h, pool, bound);
            case "onCollectionUpdateRequest" -> request(hooks.onCollectionUpdateRequest(), tags, id, h, pool, bound);
            case "onCollectionDeleteRequest" -> request(hooks.onCollectionDeleteRequest(), tags, id, h, pool, bound);
            case "onBatchRequest" -> bind(hooks.onBatchRequest(), Set.of(), id, bound,
                    e -> pool.run(h, new JsEvent("batch", e, null, null, false, e)));
            case "onFileTokenRequest" -> bind(hooks.onFileTokenRequest(), Set.of(), id, bound,
                    e -> pool.run(h, new JsEvent("file-token", e, null, null, false, e)));
            case "onFileDownloadRequest" -> bind(hooks.onFileDownloadRequest(), tags, id, bound,
                    e -> pool.run(h, new JsEvent("file-download", e, e.download().collection(),
                            new JsRecord(e.download().collection(), e.download().record(), new LinkedHashMap<>(),
                                    null), false, e)));
            case "onRecordAuthWithPasswordRequest" -> auth(hooks.onRecordAuthWithPasswordRequest(), tags, id, h, pool, bound);
            case "onRecordAuthWithOAuth2Request" -> auth(hooks.onRecordAuthWithOAuth2Request(), tags, id, h, pool, bound);
            case "onRecordAuthRefreshRequest" -> auth(hooks.onRecordAuthRefreshRequest(), tags, id, h, pool, bound);
            case "onRecordAuthWithOTPRequest" -> auth(hooks.onRecordAuthWithOTPRequest(), tags, id, h, pool, bound);
            case "onRecordCreateOTPRequest" -> auth(hooks.onRecordCreateOTPRequest(), tags, id, h, pool, bound);
            case "onRecordRequestVerificationRequest" -> auth(hooks.onRecordRequestVerificationRequest(), tags, id, h, pool, bound);
            case "onRecordConfirmVerificationRequest" -> auth(hooks.onRecordConfirmVerificationRequest(), tags, id, h, pool, bound);
            case "onRecordRequestPasswordResetRequest" -> auth(hooks.onRecordRequestPasswordResetRequest(), tags, id, h, pool, bound);
            case "onRecordConfirmPasswordResetRequest" -> auth(hooks.onRecordConfirmPasswordResetRequest(), tags, id, h, pool, bound);
            case "onRecordRequestEmailChangeRequest" -> auth(hooks.onRecordRequestEmailChangeRequest(), tags, id, h, pool, bound);
            case "onRecordConfirmEmailChangeRequest" -> auth(hooks.onRecordConfirmEmailChangeRequest(), tags, id, h, pool, bound);
            case "onSettingsListRequest" -> bind(hooks.onSettingsListRequest(), Set.of(), id, bound,
                    e -> pool.run(h, new JsEvent("settings-list", e, null, null, false, e)));
            case "onSettingsUpdateRequest" -> bind(hooks.onSettingsUpdateRequest(), Set.of(), id, bound,
                    e -> pool.run(h, new JsEvent("settings-update", e, null, null, false, e)));
            case "onSettingsReload" -> bind(hooks.onSettingsReload(), Set.of(), id, bound,
                    e -> pool.run(h, new JsEvent("app", e, null, null, false, null)));
            case "onCollectionsImportRequest" -> bind(hooks.onCollectionsImportRequest(), Set.of(), id, bound,
                    e -> pool.run(h, new JsEvent("collections-import", e, null, null, false, e)));
            case "onBackupCreate" -> bind(hooks.onBackupCreate(), Set.of(), id, bound,
                    e -> pool.run(h, new JsEvent("backup", e, null, null, false, null)));
            case "onBackupRestore" -> bind(hooks.onBackupRestore(), Set.of(), id, bound,
                    e -> pool.run(h, new JsEvent("backup", e, null, null, false, null)));
            default -> throw new IllegalArgumentException("Unknown hook " + name + ".");
        }
    }

    private static void collection(Hook<CollectionEvent> hook, Set<String> tags, String id, JsPool.Handler h,
                                   JsPool pool, BiConsumer<Hook<? extends HookEvent>, String> bound) {
        bind(hook, tags, id, bound, e -> {
            JsEvent event = new JsEvent(e.error() == null ? "collection" : "collection-error", e, null, null, false,
                    null);
            pool.run(h, e.error() == null ? event : event.withError(e.error().getMessage()));
        });
    }

    private static void request(Hook<CollectionRequestEvent> hook, Set<String> tags, String id, JsPool.Handler h,
                                JsPool pool, BiConsumer<Hook<? extends HookEvent>, String> bound) {
        bind(hook, tags, id, bound, e -> pool.run(h, new JsEvent("collection-request", e, null, null, false, e)));
    }

    private static void auth(Hook<RecordAuthEndpointEvent> hook, Set<String> tags, String id, JsPool.Handler h,
                             JsPool pool, BiConsumer<Hook<? extends HookEvent>, String> bound) {
        bind(hook, tags, id, bound, e -> pool.run(h, new JsEvent("auth-endpoint", e, e.collection(), null, false, e)));
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
