package dev.basalt.hooks;

import dev.basalt.collections.CollectionRequestInterceptor;
import dev.basalt.collections.CollectionWriteInterceptor;
import java.util.List;

/**
 * The hooks of {@link Hooks} beyond the record ones (kept apart so that each file stays short): mailer, realtime,
 * collection, model, file, batch, settings, collections import and backup hooks, with PocketBase's names. Model
 * hooks see records only (Basalt's other models have no hooks): they run inside the record hooks of the same
 * write, as in PocketBase. Inject {@link Hooks}, not this class.
 */
public abstract class ServerHooks extends AuthEndpointHooks {
    private final Hook<MailerEvent> mailerSend = new Hook<>();
    private final Hook<MailerRecordEvent> passwordResetSend = new Hook<>();
    private final Hook<MailerRecordEvent> verificationSend = new Hook<>();
    private final Hook<MailerRecordEvent> emailChangeSend = new Hook<>();
    private final Hook<MailerRecordEvent> otpSend = new Hook<>();
    private final Hook<MailerRecordEvent> authAlertSend = new Hook<>();
    private final Hook<RealtimeConnectRequestEvent> realtimeConnect = new Hook<>();
    private final Hook<RealtimeSubscribeRequestEvent> realtimeSubscribe = new Hook<>();
    private final Hook<RealtimeMessageEvent> realtimeMessage = new Hook<>();
    private final Hook<BatchRequestEvent> batch = new Hook<>();
    private final Hook<FileDownloadRequestEvent> fileDownload = new Hook<>();
    private final Hook<FileTokenRequestEvent> fileToken = new Hook<>();
    private final Hook<SettingsRequestEvent> settingsList = new Hook<>();
    private final Hook<SettingsRequestEvent> settingsUpdate = new Hook<>();
    private final Hook<AppEvent> settingsReload = new Hook<>();
    private final Hook<CollectionsImportRequestEvent> collectionsImport = new Hook<>();
    private final Hook<BackupEvent> backupCreate = new Hook<>();
    private final Hook<BackupEvent> backupRestore = new Hook<>();
    /** Collection model hooks by action (create, update, delete) and phase (write, after success, after error). */
    private final List<List<Hook<CollectionEvent>>> collection = List.of(phases(), phases(), phases());

    private static List<Hook<CollectionEvent>> phases() {
        return List.of(new Hook<>(), new Hook<>(), new Hook<>());
    }

    /** The collection hook of an action and phase (0 wraps the write, 1 after success, 2 after error). */
    Hook<CollectionEvent> collection(CollectionWriteInterceptor.Action action, int phase) {
        return collection.get(action.ordinal()).get(phase);
    }

    /** Model hooks (of records here) by action and phase, as {@link #collection}. */
    private final List<List<Hook<RecordEvent>>> model = List.of(modelPhases(), modelPhases(), modelPhases());

    private static List<Hook<RecordEvent>> modelPhases() {
        return List.of(new Hook<>(), new Hook<>(), new Hook<>());
    }

    /** The model hook of an action and phase (0 wraps the write, 1 after success, 2 after error). */
    Hook<RecordEvent> modelHook(dev.basalt.records.RecordWrite.Action action, int phase) {
        return model.get(action.ordinal()).get(phase);
    }

    private final List<Hook<CollectionRequestEvent>> collectionRequests = List.of(new Hook<>(), new Hook<>(),
            new Hook<>(), new Hook<>(), new Hook<>());

    /** The request hook of a collections API endpoint. */
    Hook<CollectionRequestEvent> collectionRequest(CollectionRequestInterceptor.Kind kind) {
        return collectionRequests.get(kind.ordinal());
    }

    /** Every collection model hook. */
    List<Hook<CollectionEvent>> collectionHooks() {
        return collection.stream().flatMap(List::stream).toList();
    }

    /** Wraps every mail sent (after a record mail's own hook); {@code next()} sends it, as changed. */
    public Hook<MailerEvent> onMailerSend() {
        return mailerSend;
    }

    /** Wraps each password reset mail; {@code next()} sends it. Collection tags as for record hooks. */
    public Hook<MailerRecordEvent> onMailerRecordPasswordResetSend() {
        return passwordResetSend;
    }

    /** Wraps each verification mail; {@code next()} sends it. */
    public Hook<MailerRecordEvent> onMailerRecordVerificationSend() {
        return verificationSend;
    }

    /** Wraps each email change confirmation mail (to the new address); {@code next()} sends it. */
    public Hook<MailerRecordEvent> onMailerRecordEmailChangeSend() {
        return emailChangeSend;
    }

    /** Wraps each one-time password mail; {@code next()} sends it. */
    public Hook<MailerRecordEvent> onMailerRecordOTPSend() {
        return otpSend;
    }

    /** Wraps each new-sign-in alert mail; {@code next()} sends it. */
    public Hook<MailerRecordEvent> onMailerRecordAuthAlertSend() {
        return authAlertSend;
    }

    /** Wraps {@code GET /api/realtime}; {@code next()} opens the stream. */
    public Hook<RealtimeConnectRequestEvent> onRealtimeConnectRequest() {
        return realtimeConnect;
    }

    /** Wraps {@code POST /api/realtime}; {@code next()} sets the (changeable) subscriptions. */
    public Hook<RealtimeSubscribeRequestEvent> onRealtimeSubscribeRequest() {
        return realtimeSubscribe;
    }

    /** Wraps each message written to a realtime client; {@code next()} writes it, as changed. */
    public Hook<RealtimeMessageEvent> onRealtimeMessageSend() {
        return realtimeMessage;
    }

    /** Wraps each collection create (API, import, hooks); {@code next()} saves it, in its transaction. */
    public Hook<CollectionEvent> onCollectionCreate() {
        return collection(CollectionWriteInterceptor.Action.CREATE, 0);
    }

    /** Wraps each collection update; {@code next()} saves it, in its transaction. */
    public Hook<CollectionEvent> onCollectionUpdate() {
        return collection(CollectionWriteInterceptor.Action.UPDATE, 0);
    }

    /** Wraps each collection delete; {@code next()} drops it, in its transaction. */
    public Hook<CollectionEvent> onCollectionDelete() {
        return collection(CollectionWriteInterceptor.Action.DELETE, 0);
    }

    /** After a collection create is committed. */
    public Hook<CollectionEvent> onCollectionAfterCreateSuccess() {
        return collection(CollectionWriteInterceptor.Action.CREATE, 1);
    }

    /** After a collection update is committed. */
    public Hook<CollectionEvent> onCollectionAfterUpdateSuccess() {
        return collection(CollectionWriteInterceptor.Action.UPDATE, 1);
    }

    /** After a collection delete is committed. */
    public Hook<CollectionEvent> onCollectionAfterDeleteSuccess() {
        return collection(CollectionWriteInterceptor.Action.DELETE, 1);
    }

    /** After a collection create failed. */
    public Hook<CollectionEvent> onCollectionAfterCreateError() {
        return collection(CollectionWriteInterceptor.Action.CREATE, 2);
    }

    /** After a collection update failed. */
    public Hook<CollectionEvent> onCollectionAfterUpdateError() {
        return collection(CollectionWriteInterceptor.Action.UPDATE, 2);
    }

    /** After a collection delete failed. */
    public Hook<CollectionEvent> onCollectionAfterDeleteError() {
        return collection(CollectionWriteInterceptor.Action.DELETE, 2);
    }

    /** Wraps {@code GET /api/collections}. */
    public Hook<CollectionRequestEvent> onCollectionsListRequest() {
        return collectionRequest(CollectionRequestInterceptor.Kind.LIST);
    }

    /** Wraps {@code GET /api/collections/{c}}. */
    public Hook<CollectionRequestEvent> onCollectionViewRequest() {
        return collectionRequest(CollectionRequestInterceptor.Kind.VIEW);
    }

    /** Wraps {@code POST /api/collections}; {@code e.collection()} (the submitted values) may be changed. */
    public Hook<CollectionRequestEvent> onCollectionCreateRequest() {
        return collectionRequest(CollectionRequestInterceptor.Kind.CREATE);
    }

    /** Wraps {@code PATCH /api/collections/{c}}; {@code e.collection()} may be changed. */
    public Hook<CollectionRequestEvent> onCollectionUpdateRequest() {
        return collectionRequest(CollectionRequestInterceptor.Kind.UPDATE);
    }

    /** Wraps {@code DELETE /api/collections/{c}}. */
    public Hook<CollectionRequestEvent> onCollectionDeleteRequest() {
        return collectionRequest(CollectionRequestInterceptor.Kind.DELETE);
    }

    /** Wraps each model create (records: inside {@code onRecordCreate}); {@code next()} performs it. */
    public Hook<RecordEvent> onModelCreate() {
        return modelHook(dev.basalt.records.RecordWrite.Action.CREATE, 0);
    }

    /** Wraps each model update (records: inside {@code onRecordUpdate}). */
    public Hook<RecordEvent> onModelUpdate() {
        return modelHook(dev.basalt.records.RecordWrite.Action.UPDATE, 0);
    }

    /** Wraps each model delete (records: inside {@code onRecordDelete}). */
    public Hook<RecordEvent> onModelDelete() {
        return modelHook(dev.basalt.records.RecordWrite.Action.DELETE, 0);
    }

    /** After a model create is committed (records: inside {@code onRecordAfterCreateSuccess}). */
    public Hook<RecordEvent> onModelAfterCreateSuccess() {
        return modelHook(dev.basalt.records.RecordWrite.Action.CREATE, 1);
    }

    /** After a model update is committed. */
    public Hook<RecordEvent> onModelAfterUpdateSuccess() {
        return modelHook(dev.basalt.records.RecordWrite.Action.UPDATE, 1);
    }

    /** After a model delete is committed. */
    public Hook<RecordEvent> onModelAfterDeleteSuccess() {
        return modelHook(dev.basalt.records.RecordWrite.Action.DELETE, 1);
    }

    /** After a model create failed. */
    public Hook<RecordEvent> onModelAfterCreateError() {
        return modelHook(dev.basalt.records.RecordWrite.Action.CREATE, 2);
    }

    /** After a model update failed. */
    public Hook<RecordEvent> onModelAfterUpdateError() {
        return modelHook(dev.basalt.records.RecordWrite.Action.UPDATE, 2);
    }

    /** After a model delete failed. */
    public Hook<RecordEvent> onModelAfterDeleteError() {
        return modelHook(dev.basalt.records.RecordWrite.Action.DELETE, 2);
    }

    /** Wraps {@code POST /api/batch}; {@code next()} runs the (changeable) sub-requests. */
    public Hook<BatchRequestEvent> onBatchRequest() {
        return batch;
    }

    /** Wraps each download of an allowed file; {@code next()} serves it. Collection tags as for record hooks. */
    public Hook<FileDownloadRequestEvent> onFileDownloadRequest() {
        return fileDownload;
    }

    /** Wraps {@code POST /api/files/token}; {@code next()} answers with the (changeable) token. */
    public Hook<FileTokenRequestEvent> onFileTokenRequest() {
        return fileToken;
    }

    /** Wraps {@code GET /api/settings}; {@code next()} answers with the (changeable) settings. */
    public Hook<SettingsRequestEvent> onSettingsListRequest() {
        return settingsList;
    }

    /** Wraps {@code PATCH /api/settings}; {@code next()} saves the (changeable) new settings. */
    public Hook<SettingsRequestEvent> onSettingsUpdateRequest() {
        return settingsUpdate;
    }

    /** After the settings changed (saved on this or another node, or restored). */
    public Hook<AppEvent> onSettingsReload() {
        return settingsReload;
    }

    /** Wraps {@code PUT /api/collections/import}; {@code next()} imports the (changeable) collections. */
    public Hook<CollectionsImportRequestEvent> onCollectionsImportRequest() {
        return collectionsImport;
    }

    /** Wraps each backup (API, schedule, command); {@code next()} makes it under the (changeable) name. */
    public Hook<BackupEvent> onBackupCreate() {
        return backupCreate;
    }

    /** Wraps each restore; {@code next()} restores the backup of the (changeable) name. */
    public Hook<BackupEvent> onBackupRestore() {
        return backupRestore;
    }
}
