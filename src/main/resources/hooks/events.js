// The second half of the JS hooks API (after prelude.js): the registration functions, and __dispatch, which builds
// an event object `e` from a host event handle (dev.basalt.hooks.js.JsEvent) and calls a handler with it.
(function (reg, util, internal) {
    'use strict';
    const g = globalThis;
    const { P, S, stored, held, collectionName, $app, ApiError, fsFile } = internal;
    delete g.__internal;

    // Registration: the registrar keeps each handler as its source text, run later in a pooled context of its own
    // (as in PocketBase), so a handler cannot capture variables of the file that registered it.
    const tags = (list) => S(list.map(collectionName));
    const events = ['onRecordCreate', 'onRecordUpdate', 'onRecordDelete', 'onRecordAfterCreateSuccess',
        'onRecordAfterUpdateSuccess', 'onRecordAfterDeleteSuccess', 'onRecordAfterCreateError',
        'onRecordAfterUpdateError', 'onRecordAfterDeleteError', 'onRecordsListRequest', 'onRecordViewRequest',
        'onRecordCreateRequest', 'onRecordUpdateRequest', 'onRecordDeleteRequest', 'onRecordAuthRequest',
        'onRecordEnrich', 'onBootstrap', 'onServe', 'onTerminate', 'onMailerSend', 'onMailerRecordPasswordResetSend',
        'onMailerRecordVerificationSend', 'onMailerRecordEmailChangeSend', 'onMailerRecordOTPSend',
        'onMailerRecordAuthAlertSend', 'onRealtimeConnectRequest', 'onRealtimeSubscribeRequest',
        'onRealtimeMessageSend', 'onCollectionCreate', 'onCollectionUpdate', 'onCollectionDelete',
        'onCollectionAfterCreateSuccess', 'onCollectionAfterUpdateSuccess', 'onCollectionAfterDeleteSuccess',
        'onCollectionAfterCreateError', 'onCollectionAfterUpdateError', 'onCollectionAfterDeleteError',
        'onCollectionsListRequest', 'onCollectionViewRequest', 'onCollectionCreateRequest', 'onCollectionUpdateRequest',
        'onCollectionDeleteRequest', 'onModelCreate', 'onModelUpdate', 'onModelDelete', 'onModelAfterCreateSuccess',
        'onModelAfterUpdateSuccess', 'onModelAfterDeleteSuccess', 'onModelAfterCreateError', 'onModelAfterUpdateError',
        'onModelAfterDeleteError', 'onBatchRequest', 'onFileTokenRequest', 'onFileDownloadRequest',
        'onRecordAuthWithPasswordRequest', 'onRecordAuthWithOAuth2Request', 'onRecordAuthRefreshRequest',
        'onRecordAuthWithOTPRequest', 'onRecordCreateOTPRequest', 'onRecordRequestVerificationRequest',
        'onRecordConfirmVerificationRequest', 'onRecordRequestPasswordResetRequest', 'onRecordConfirmPasswordResetRequest',
        'onRecordRequestEmailChangeRequest', 'onRecordConfirmEmailChangeRequest', 'onSettingsListRequest',
        'onSettingsUpdateRequest', 'onSettingsReload', 'onCollectionsImportRequest', 'onBackupCreate', 'onBackupRestore'];
    for (const name of events) {
        g[name] = (handler, ...collections) => reg.register(name, handler, tags(collections));
    }
    g.routerAdd = (method, path, handler, ...mws) => reg.route(String(method), String(path), handler, mws);
    g.routerUse = (...mws) => reg.routerUse(mws);
    g.cronAdd = (id, expr, handler) => reg.cronAdd(String(id), String(expr), handler);
    g.cronRemove = (id) => reg.cronRemove(String(id));

    // Events: the JS face of a host event handle (dev.basalt.hooks.js.JsEvent). One object per call, whose methods
    // and lazily built parts (collection, record, auth, request: host calls and JSON) live on the class prototypes,
    // so a handler that only calls e.next() costs little interpreted JS (issue 19's hook overhead). A part read once
    // becomes an own property of the event; assigning one replaces it.
    const own = (o, name, value) => {
        Object.defineProperty(o, name, { value, writable: true, configurable: true, enumerable: true });
        return value;
    };
    const lazy = (cls, name, get) => Object.defineProperty(cls.prototype, name, {
        configurable: true,
        get() { return own(this, name, get(this.__h, this)); },
        set(value) { own(this, name, value); },
    });
    class Event {
        constructor(h, cname) {
            this.app = $app;
            // an event with a changeable part (e.message, e.subscriptions) hands it back before the chain goes on
            this.next = () => (this.__sync ? this.__sync() : undefined, h.next());
            this.__h = h;
            this.__c = cname;
        }
    }
    lazy(Event, 'collection', (h) => P(h.collection()) || undefined);
    lazy(Event, 'record', (h, e) => (h.hasRecord() ? held(e.__c || '', h.record(), h.recordIsNew()) : undefined));
    lazy(Event, 'model', (h, e) => e.record); // the onModel* hooks' name for it (records are Basalt's only models)
    class RequestEvent extends Event {
        requestInfo() {
            const h = this.__h;
            const info = P(h.requestInfo());
            info.auth = info.auth ? stored(h.authCollection(), S(info.auth)) : null;
            return info;
        }
        hasSuperuserAuth() { return this.__h.superuser(); }
        isSuperuser() { return this.__h.superuser(); }
        json(status, data) { return this.__h.json(status, S(data)); }
        string(status, text) { return this.__h.string(status, String(text)); }
        html(status, text) { return this.__h.html(status, String(text)); }
        redirect(status, url) { return this.__h.redirect(status, String(url)); }
        noContent(status) { return this.__h.noContent(status); }
        realIP() { return this.__h.realIP(); }
        // PocketBase's e.findUploadedFiles(key): the multipart request's files of that key, as new files
        findUploadedFiles(key) {
            const out = [];
            for (let f; (f = this.__h.uploadedFile(String(key), out.length)) != null;) out.push(fsFile(f));
            if (!out.length) throw new Error('http: no such file');
            return out;
        }
    }
    lazy(RequestEvent, 'request', (h) => ({
        method: h.method(),
        url: { path: h.path(), rawQuery: h.rawQuery() },
        header: { get: (name) => h.header(String(name)) },
        pathValue: (name) => h.pathValue(String(name)),
    }));
    lazy(RequestEvent, 'auth', (h) => {
        const auth = P(h.auth());
        return auth ? stored(h.authCollection(), S(auth)) : null;
    });
    lazy(RequestEvent, 'response', (h) => ({
        header: () => ({ set: (name, value) => h.setHeader(String(name), String(value)) }),
    }));
    class AuthEvent extends RequestEvent {}
    lazy(AuthEvent, 'token', (h) => h.token());
    lazy(AuthEvent, 'meta', (h) => P(h.meta()));
    lazy(AuthEvent, 'authMethod', (h) => h.authMethod());
    class EnrichEvent extends Event {}
    lazy(EnrichEvent, 'requestInfo', (h) => {
        const viewer = P(h.viewer());
        return { auth: viewer ? stored(viewer.collectionName, S(viewer)) : null };
    });
    class ModelErrorEvent extends Event {}
    lazy(ModelErrorEvent, 'error', (h) => h.error());
    // Events with a changeable part `prop` read from and written back to the host as JSON (only once read or set).
    const payload = (cls, prop) => {
        lazy(cls, prop, (h) => P(h.payload()));
        cls.prototype.__sync = function () {
            if (Object.prototype.hasOwnProperty.call(this, prop)) {
                this.__h.payload(S(this[prop]));
            }
        };
    };
    const client = (cls) => lazy(cls, 'client', (h) => {
        const id = h.clientId();
        return { id: () => id };
    });
    class MailerEvent extends Event {}
    payload(MailerEvent, 'message');
    lazy(MailerEvent, 'meta', (h) => P(h.meta()) || {});
    class RealtimeMessageEvent extends Event {}
    payload(RealtimeMessageEvent, 'message');
    client(RealtimeMessageEvent);
    class RealtimeConnectEvent extends RequestEvent {}
    client(RealtimeConnectEvent);
    class RealtimeSubscribeEvent extends RequestEvent {}
    payload(RealtimeSubscribeEvent, 'subscriptions');
    client(RealtimeSubscribeEvent);
    class CollectionEvent extends Event {}
    payload(CollectionEvent, 'collection');
    class CollectionErrorEvent extends CollectionEvent {}
    lazy(CollectionErrorEvent, 'error', (h) => h.error());
    class CollectionRequestEvent extends RequestEvent {}
    payload(CollectionRequestEvent, 'collection');
    class BatchEvent extends RequestEvent {}
    payload(BatchEvent, 'batch');
    class FileTokenEvent extends RequestEvent {}
    payload(FileTokenEvent, 'token');
    class FileDownloadEvent extends RequestEvent {}
    payload(FileDownloadEvent, 'servedName');
    lazy(FileDownloadEvent, 'servedPath', (h) => P(h.extra()).servedPath);
    lazy(FileDownloadEvent, 'fileField', (h) => P(h.extra()).fileField);
    // Auth endpoint events show the submitted values under PocketBase's property names (changeable).
    class AuthEndpointEvent extends RequestEvent {}
    payload(AuthEndpointEvent, '__body');
    const bodyKeys = { identity: 'identity', password: 'password', identityField: 'identityField',
        providerName: 'provider', createData: 'createData', otpId: 'otpId', email: 'email', token: 'token',
        newEmail: 'newEmail', passwordConfirm: 'passwordConfirm' };
    for (const [prop, key] of Object.entries(bodyKeys)) {
        Object.defineProperty(AuthEndpointEvent.prototype, prop, {
            configurable: true,
            get() { return this.__body[key]; },
            set(value) { this.__body[key] = value; },
        });
    }
    class SettingsListEvent extends RequestEvent {}
    payload(SettingsListEvent, 'settings');
    class SettingsUpdateEvent extends RequestEvent {}
    payload(SettingsUpdateEvent, 'newSettings');
    lazy(SettingsUpdateEvent, 'oldSettings', (h) => P(h.extra()).oldSettings);
    class CollectionsImportEvent extends RequestEvent {}
    payload(CollectionsImportEvent, '__body');
    for (const prop of ['collectionsData', 'deleteMissing']) {
        Object.defineProperty(CollectionsImportEvent.prototype, prop, {
            configurable: true,
            get() { return this.__body[prop]; },
            set(value) { this.__body[prop] = value; },
        });
    }
    class BackupEvent extends Event {}
    payload(BackupEvent, 'name');
    const classes = {
        request: RequestEvent, 'record-request': RequestEvent, route: RequestEvent, auth: AuthEvent,
        enrich: EnrichEvent, 'model-error': ModelErrorEvent, mailer: MailerEvent,
        'realtime-message': RealtimeMessageEvent, 'realtime-connect': RealtimeConnectEvent,
        'realtime-subscribe': RealtimeSubscribeEvent, collection: CollectionEvent,
        'collection-error': CollectionErrorEvent, 'collection-request': CollectionRequestEvent, batch: BatchEvent,
        'file-token': FileTokenEvent, 'file-download': FileDownloadEvent, 'auth-endpoint': AuthEndpointEvent,
        'settings-list': SettingsListEvent, 'settings-update': SettingsUpdateEvent,
        'collections-import': CollectionsImportEvent, backup: BackupEvent,
    };
    g.__dispatch = (fn, h) => {
        const Face = classes[h.kind()] || Event;
        const e = new Face(h, h.collectionName());
        try {
            fn(e);
        } catch (err) {
            if (err instanceof ApiError) {
                util.fail(err.status, String(err.message), S(err.data));
            }
            throw err;
        }
    };
})(__reg, __util, __internal);
