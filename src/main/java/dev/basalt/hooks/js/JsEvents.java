package dev.basalt.hooks.js;

import dev.basalt.hooks.AppEvent;
import dev.basalt.hooks.Hook;
import dev.basalt.hooks.HookEvent;
import dev.basalt.hooks.Hooks;
import dev.basalt.hooks.RecordAuthRequestEvent;
import dev.basalt.hooks.RecordEnrichEvent;
import dev.basalt.hooks.RecordEvent;
import dev.basalt.hooks.RecordRequestEvent;
import dev.basalt.hooks.RequestEvent;
import dev.basalt.records.RecordApiCall;
import dev.basalt.records.RecordWrite;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Binds JS handlers to the {@link Hooks} by PocketBase's function names, and builds the host event handle
 * ({@link JsEvent}) each kind of event shows hook code.
 */
final class JsEvents {
    private final Hooks hooks;

    JsEvents(Hooks hooks) {
        this.hooks = hooks;
    }

    /** Binds handler {@code h} under {@code id} to the hook named {@code name}; {@code bound} records it. */
    void bind(String name, Set<String> tags, String id, JsPool.Handler h, JsPool pool,
              BiConsumer<Hook<? extends HookEvent>, String> bound) {
        switch (name) {
            case "onRecordCreate" -> model(hooks.onRecordCreate(), tags, id, h, pool, bound, null);
            case "onRecordUpdate" -> model(hooks.onRecordUpdate(), tags, id, h, pool, bound, null);
            case "onRecordDelete" -> model(hooks.onRecordDelete(), tags, id, h, pool, bound, null);
            case "onRecordAfterCreateSuccess" -> model(hooks.onRecordAfterCreateSuccess(), tags, id, h, pool, bound, "model");
            case "onRecordAfterUpdateSuccess" -> model(hooks.onRecordAfterUpdateSuccess(), tags, id, h, pool, bound, "model");
            case "onRecordAfterDeleteSuccess" -> model(hooks.onRecordAfterDeleteSuccess(), tags, id, h, pool, bound, "model");
            case "onRecordAfterCreateError" -> model(hooks.onRecordAfterCreateError(), tags, id, h, pool, bound, "model-error");
            case "onRecordAfterUpdateError" -> model(hooks.onRecordAfterUpdateError(), tags, id, h, pool, bound, "model-error");
            case "onRecordAfterDeleteError" -> model(hooks.onRecordAfterDeleteError(), tags, id, h, pool, bound, "model-error");
            case "onModelCreate" -> model(hooks.onModelCreate(), tags, id, h, pool, bound, null);
            case "onModelUpdate" -> model(hooks.onModelUpdate(), tags, id, h, pool, bound, null);
            case "onModelDelete" -> model(hooks.onModelDelete(), tags, id, h, pool, bound, null);
            case "onModelAfterCreateSuccess" -> model(hooks.onModelAfterCreateSuccess(), tags, id, h, pool, bound, "model");
            case "onModelAfterUpdateSuccess" -> model(hooks.onModelAfterUpdateSuccess(), tags, id, h, pool, bound, "model");
            case "onModelAfterDeleteSuccess" -> model(hooks.onModelAfterDeleteSuccess(), tags, id, h, pool, bound, "model");
            case "onModelAfterCreateError" -> model(hooks.onModelAfterCreateError(), tags, id, h, pool, bound, "model-error");
            case "onModelAfterUpdateError" -> model(hooks.onModelAfterUpdateError(), tags, id, h, pool, bound, "model-error");
            case "onModelAfterDeleteError" -> model(hooks.onModelAfterDeleteError(), tags, id, h, pool, bound, "model-error");
            case "onRecordsListRequest" -> request(hooks.onRecordsListRequest(), tags, id, h, pool, bound);
            case "onRecordViewRequest" -> request(hooks.onRecordViewRequest(), tags, id, h, pool, bound);
            case "onRecordCreateRequest" -> request(hooks.onRecordCreateRequest(), tags, id, h, pool, bound);
            case "onRecordUpdateRequest" -> request(hooks.onRecordUpdateRequest(), tags, id, h, pool, bound);
            case "onRecordDeleteRequest" -> request(hooks.onRecordDeleteRequest(), tags, id, h, pool, bound);
            case "onRecordAuthRequest" -> {
                hooks.onRecordAuthRequest().bind(id, 0, tags, e -> pool.run(h, auth(e)));
                bound.accept(hooks.onRecordAuthRequest(), id);
            }
            case "onRecordEnrich" -> {
                hooks.onRecordEnrich().bind(id, 0, tags, e -> pool.run(h, new JsEvent("enrich", e, e.collection(),
                        JsRecord.ofJson(e.collection(), e.json()), false, null).withViewer(e.auth())));
                bound.accept(hooks.onRecordEnrich(), id);
            }
            case "onMailerSend", "onMailerRecordPasswordResetSend", "onMailerRecordVerificationSend",
                 "onMailerRecordEmailChangeSend", "onMailerRecordOTPSend", "onMailerRecordAuthAlertSend",
                 "onRealtimeConnectRequest", "onRealtimeSubscribeRequest", "onRealtimeMessageSend",
                 "onCollectionCreate", "onCollectionUpdate", "onCollectionDelete", "onCollectionAfterCreateSuccess",
                 "onCollectionAfterUpdateSuccess", "onCollectionAfterDeleteSuccess", "onCollectionAfterCreateError",
                 "onCollectionAfterUpdateError", "onCollectionAfterDeleteError", "onCollectionsListRequest",
                 "onCollectionViewRequest", "onCollectionCreateRequest", "onCollectionUpdateRequest",
                 "onCollectionDeleteRequest", "onBatchRequest", "onFileTokenRequest", "onFileDownloadRequest",
                 "onRecordAuthWithPasswordRequest", "onRecordAuthWithOAuth2Request", "onRecordAuthRefreshRequest",
                 "onRecordAuthWithOTPRequest", "onRecordCreateOTPRequest", "onRecordRequestVerificationRequest",
                 "onRecordConfirmVerificationRequest", "onRecordRequestPasswordResetRequest",
                 "onRecordConfirmPasswordResetRequest", "onRecordRequestEmailChangeRequest",
                 "onRecordConfirmEmailChangeRequest", "onSettingsListRequest",
                 "onSettingsUpdateRequest", "onSettingsReload", "onCollectionsImportRequest", "onBackupCreate",
                 "onBackupRestore" ->
                    JsServerEvents.bind(hooks, name, tags, id, h, pool, bound);
            case "onBootstrap" -> app(hooks.onBootstrap(), id, h, pool, bound);
            case "onServe" -> app(hooks.onServe(), id, h, pool, bound);
            case "onTerminate" -> app(hooks.onTerminate(), id, h, pool, bound);
            default -> throw new IllegalArgumentException("Unknown hook " + name + ".");
        }
    }

    /** The handle of an HTTP event without a record (a custom route or middleware). */
    JsEvent request(String kind, RequestEvent e) {
        return new JsEvent(kind, e, null, null, false, e);
    }

    /** Model hooks; {@code kind} null for the wrapping ones, whose record is writable. */
    private void model(Hook<RecordEvent> hook, Set<String> tags, String id, JsPool.Handler h, JsPool pool,
                       BiConsumer<Hook<? extends HookEvent>, String> bound, String kind) {
        hook.bind(id, 0, tags, e -> {
            boolean writable = kind == null && e.action() != RecordWrite.Action.DELETE;
            JsRecord record = new JsRecord(e.collection(), e.record(), new LinkedHashMap<>(),
                    writable ? (k, v) -> e.record().put(k, v) : null);
            JsEvent event = new JsEvent(kind == null ? "model" : kind, e, e.collection(), record,
                    e.action() == RecordWrite.Action.CREATE && kind == null, null);
            if (e.error() != null) {
                event.withError(e.error().getMessage());
            }
            pool.run(h, event);
        });
        bound.accept(hook, id);
    }

    private void request(Hook<RecordRequestEvent> hook, Set<String> tags, String id, JsPool.Handler h, JsPool pool,
                         BiConsumer<Hook<? extends HookEvent>, String> bound) {
        hook.bind(id, 0, tags, e -> {
            JsRecord record = switch (e.kind()) {
                case LIST -> null;
                case CREATE -> new JsRecord(e.collection(), null, e.body(), null);
                case UPDATE -> new JsRecord(e.collection(), e.record(), e.body(), null);
                // a view's record does not change, so it is read only if the handler looks at it
                case VIEW -> JsRecord.lazy(e.collection(), e::record);
                default -> new JsRecord(e.collection(), e.record(), new LinkedHashMap<>(), null);
            };
            pool.run(h, new JsEvent("record-request", e, e.collection(), record,
                    e.kind() == RecordApiCall.Kind.CREATE, e));
        });
        bound.accept(hook, id);
    }

    private static JsEvent auth(RecordAuthRequestEvent e) {
        Map<String, Object> record = e.record();
        return new JsEvent("auth", e, e.collection(), JsRecord.ofJson(e.collection(), record), false, e)
                .withAuth(e.authMethod(), e.answer());
    }

    private static void app(Hook<AppEvent> hook, String id, JsPool.Handler h, JsPool pool,
                            BiConsumer<Hook<? extends HookEvent>, String> bound) {
        hook.bind(id, 0, Set.of(), e -> pool.run(h, new JsEvent("app", e, null, null, false, null)));
        bound.accept(hook, id);
    }
}
