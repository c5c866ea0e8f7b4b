// The second half of the JS hooks API (after prelude.js): the registration functions, and __dispatch, which builds
// an event object `e` from a host event handle (dev.basalt.hooks.js.JsEvent) and calls a handler with it.
(function (reg, util, internal) {
    'use strict';
    const g = globalThis;
    const { P, S, stored, held, collectionName, $app, ApiError } = internal;
    delete g.__internal;

    // Registration: the registrar keeps each handler as its source text, run later in a pooled context of its own
    // (as in PocketBase), so a handler cannot capture variables of the file that registered it.
    const tags = (list) => S(list.map(collectionName));
    const events = ['onRecordCreate', 'onRecordUpdate', 'onRecordDelete', 'onRecordAfterCreateSuccess',
        'onRecordAfterUpdateSuccess', 'onRecordAfterDeleteSuccess', 'onRecordAfterCreateError',
        'onRecordAfterUpdateError', 'onRecordAfterDeleteError', 'onRecordsListRequest', 'onRecordViewRequest',
        'onRecordCreateRequest', 'onRecordUpdateRequest', 'onRecordDeleteRequest', 'onRecordAuthRequest',
        'onRecordEnrich', 'onBootstrap', 'onServe', 'onTerminate'];
    for (const name of events) {
        g[name] = (handler, ...collections) => reg.register(name, handler, tags(collections));
    }
    g.routerAdd = (method, path, handler, ...mws) => reg.route(String(method), String(path), handler, mws);
    g.routerUse = (...mws) => reg.routerUse(mws);
    g.cronAdd = (id, expr, handler) => reg.cronAdd(String(id), String(expr), handler);
    g.cronRemove = (id) => reg.cronRemove(String(id));

    // Events: the JS face of a host event handle (dev.basalt.hooks.js.JsEvent). Parts that cost host calls or JSON
    // (the collection, the auth record, the request) are built on first read: a handler that only calls e.next()
    // pays for none of them (issue 19's hook overhead).
    const lazy = (o, name, get) => Object.defineProperty(o, name, {
        configurable: true,
        enumerable: true,
        get() {
            const value = get();
            Object.defineProperty(o, name, { value, writable: true, configurable: true, enumerable: true });
            return value;
        },
        set(value) {
            Object.defineProperty(o, name, { value, writable: true, configurable: true, enumerable: true });
        },
    });
    const requestFace = (h, e) => {
        lazy(e, 'request', () => ({
            method: h.method(),
            url: { path: h.path(), rawQuery: h.rawQuery() },
            header: { get: (name) => h.header(String(name)) },
            pathValue: (name) => h.pathValue(String(name)),
        }));
        e.requestInfo = () => {
            const info = P(h.requestInfo());
            info.auth = info.auth ? stored(h.authCollection(), S(info.auth)) : null;
            return info;
        };
        lazy(e, 'auth', () => {
            const auth = P(h.auth());
            return auth ? stored(h.authCollection(), S(auth)) : null;
        });
        e.hasSuperuserAuth = () => h.superuser();
        e.isSuperuser = e.hasSuperuserAuth;
        e.json = (status, data) => h.json(status, S(data));
        e.string = (status, text) => h.string(status, String(text));
        e.html = (status, text) => h.html(status, String(text));
        e.redirect = (status, url) => h.redirect(status, String(url));
        e.noContent = (status) => h.noContent(status);
        e.realIP = () => h.realIP();
        e.response = { header: () => ({ set: (name, value) => h.setHeader(String(name), String(value)) }) };
    };
    g.__dispatch = (fn, h) => {
        const e = { app: $app, next: () => h.next() };
        const kind = h.kind();
        const cname = h.collectionName();
        if (cname != null) {
            lazy(e, 'collection', () => P(h.collection()));
        }
        if (kind === 'request' || kind === 'record-request' || kind === 'auth' || kind === 'route') {
            requestFace(h, e);
        }
        if (h.hasRecord()) {
            e.record = held(cname || '', h.record(), h.recordIsNew());
        }
        if (kind === 'enrich') {
            lazy(e, 'requestInfo', () => {
                const viewer = P(h.viewer());
                return { auth: viewer ? stored(viewer.collectionName, S(viewer)) : null };
            });
        }
        if (kind === 'model-error') {
            e.error = h.error();
        }
        if (kind === 'auth') {
            e.token = h.token();
            e.meta = P(h.meta());
            e.authMethod = h.authMethod();
        }
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
