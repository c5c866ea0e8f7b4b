// Basalt's PocketBase JS hooks API, evaluated once in every hook context. It is built on three host
// objects (JsApp, JsUtil, JsRegistrar), whose exported methods exchange JSON strings and primitives only:
// hook code reaches nothing the API does not give it.
(function (bridge, util, fs) {
    'use strict';
    const g = globalThis;
    const P = (s) => (s == null ? null : JSON.parse(s));
    const S = (v) => JSON.stringify(v === undefined ? null : v);
    // PocketBase's filesystem.File: a host file (JsFile) with its names and size as plain properties.
    class FsFile {
        constructor(h) { this.__f = h; this.name = h.name(); this.originalName = h.originalName(); this.size = h.size(); }
        toJSON() { return this.name; } // e.json(...) of a record holding a file shows its name, as the server does
    }
    const fsFile = (h) => new FsFile(h);
    // Record values with files cross as JSON in which each file is {"\u0000file": i, name}, plus the host files
    // (the replacer looks at the value before its toJSON).
    const noFiles = [];
    const enc = (v) => {
        if (v === null || typeof v !== 'object') {
            return [S(v), noFiles]; // most values: no replacer run
        }
        const files = [];
        const json = JSON.stringify(v === undefined ? null : v, function (k, x) {
            const raw = this[k];
            return raw instanceof FsFile ? { '\u0000file': files.push(raw.__f) - 1, name: String(raw.name) } : x;
        });
        return [json, files];
    };

    class ApiError extends Error {
        constructor(status, message, data) {
            super(message);
            this.status = status;
            this.data = data || {};
        }
    }
    const apiError = (status, fallback) => class extends ApiError {
        constructor(message, data) {
            super(status, message || fallback, data);
        }
    };
    g.ApiError = ApiError;
    g.BadRequestError = apiError(400, 'Something went wrong while processing your request.');
    g.UnauthorizedError = apiError(401, 'Missing or invalid authentication.');
    g.ForbiddenError = apiError(403, 'You are not allowed to perform this request.');
    g.NotFoundError = apiError(404, "The requested resource wasn't found.");
    g.TooManyRequestsError = apiError(429, 'Too Many Requests.');
    g.InternalServerError = apiError(500, 'Something went wrong while processing your request.');

    const collectionName = (c) => (typeof c === 'string' ? c : (c && (c.name || c.id)) || '');

    /** PocketBase's Record: plain values, or a view of a record held by the server (an event's record). */
    class Record {
        constructor(collection, data) {
            this.__collection = collectionName(collection);
            this.__data = {};
            this.__h = null;
            this.__new = true;
            if (data) {
                this.load(data);
            }
        }
        get id() { return this.getString('id'); }
        set id(v) { this.set('id', v); }
        get(key) {
            if (this.__h) {
                return P(this.__h.get(key));
            }
            return this.__data[key] === undefined ? null : this.__data[key];
        }
        set(key, value) {
            if (this.__h) {
                this.__h.set(key, ...enc(value));
            } else {
                this.__data[key] = value;
            }
        }
        load(data) {
            for (const k of Object.keys(data || {})) {
                this.set(k, data[k]);
            }
        }
        getString(key) { const v = this.get(key); return v == null ? '' : String(v); }
        getInt(key) { const v = Number(this.get(key)); return Number.isFinite(v) ? Math.trunc(v) : 0; }
        getFloat(key) { const v = Number(this.get(key)); return Number.isFinite(v) ? v : 0; }
        getBool(key) { return this.get(key) === true || this.get(key) === 'true'; }
        getStringSlice(key) { const v = this.get(key); return v == null || v === '' ? [] : [].concat(v).map(String); }
        email(value) {
            if (arguments.length) {
                this.set('email', value);
                return undefined;
            }
            return this.getString('email');
        }
        verified(value) {
            if (arguments.length) {
                this.set('verified', value);
                return undefined;
            }
            return this.getBool('verified');
        }
        setPassword(value) { this.set('password', value); this.set('passwordConfirm', value); }
        isNew() { return this.__new; }
        isSuperuser() { return this.__collection === '_superusers'; }
        collection() { return $app.findCollectionByNameOrId(this.__collection); }
        hide(...keys) { if (this.__h) { keys.forEach((k) => this.__h.hide(k)); } }
        unhide(...keys) { return keys; }
        withCustomData() { return this; }
        publicExport() { return this.__h ? P(this.__h.json()) : Object.assign({}, this.__data); }
        toJSON() { return this.publicExport(); }
        fresh() { return this.__new ? this : $app.findRecordById(this.__collection, this.id); }
        clone() { const r = new Record(this.__collection, this.publicExport()); r.__new = this.__new; return r; }
    }
    const stored = (collection, json) => {
        if (json == null) {
            return null;
        }
        const r = new Record(collection, P(json));
        r.__new = false;
        return r;
    };
    const held = (collection, handle, isNew) => {
        if (handle == null) {
            return null;
        }
        const r = new Record(collection);
        r.__h = handle;
        r.__new = !!isNew;
        return r;
    };
    g.Record = Record;
    g.MailerMessage = class MailerMessage {
        constructor(data) { Object.assign(this, data || {}); }
    };

    const logger = {
        debug: (msg, ...attrs) => bridge.log('debug', String(msg), S(attrs)),
        info: (msg, ...attrs) => bridge.log('info', String(msg), S(attrs)),
        warn: (msg, ...attrs) => bridge.log('warn', String(msg), S(attrs)),
        error: (msg, ...attrs) => bridge.log('error', String(msg), S(attrs)),
    };

    const $app = {
        findRecordById: (c, id) => {
            const r = stored(collectionName(c), bridge.findRecordById(collectionName(c), String(id)));
            if (!r) {
                throw new Error('sql: no rows in result set');
            }
            return r;
        },
        findFirstRecordByFilter: (c, filter, params) => {
            const found = P(bridge.findRecords(collectionName(c), filter || '', '', 1, 0, S(params || {})));
            if (!found.length) {
                throw new Error('sql: no rows in result set');
            }
            return stored(collectionName(c), S(found[0]));
        },
        findRecordsByFilter: (c, filter, sort, limit, offset, params) =>
            P(bridge.findRecords(collectionName(c), filter || '', sort || '', limit || 0, offset || 0, S(params || {})))
                .map((o) => stored(collectionName(c), S(o))),
        findAllRecords: (c) => P(bridge.findRecords(collectionName(c), '', '', 0, 0, '{}'))
            .map((o) => stored(collectionName(c), S(o))),
        findCollectionByNameOrId: (nameOrId) => {
            const c = P(bridge.findCollection(String(nameOrId)));
            if (!c) {
                throw new Error('sql: no rows in result set');
            }
            return c;
        },
        save: (record) => {
            const [json, files] = enc(record.publicExport());
            const saved = P(bridge.save(record.__collection, json, record.__new, files));
            if (!record.__h) {
                record.__data = saved;
            }
            record.__new = false;
        },
        delete: (record) => bridge.remove(record.__collection, record.id),
        runInTransaction: (fn) => bridge.inTransaction(() => { fn($app); }),
        newMailClient: () => ({ send: (message) => bridge.sendMail(S(message)) }),
        logger: () => logger,
    };
    g.$app = $app;

    const middleware = (name, args) => ({ __middleware: name, args: args || [] });
    g.$apis = {
        requireAuth: (...collections) => middleware('requireAuth', collections),
        requireSuperuserAuth: () => middleware('requireSuperuserAuth'),
        requireGuestOnly: () => middleware('requireGuestOnly'),
        requireSuperuserOrOwnerAuth: (param) => middleware('requireSuperuserOrOwnerAuth', [param || 'id']),
        bodyLimit: (bytes) => middleware('bodyLimit', [Number(bytes) || 0]),
        gzip: () => middleware('gzip'),
    };

    g.$security = {
        randomString: (n) => util.randomString(n, ''),
        randomStringWithAlphabet: (n, alphabet) => util.randomString(n, alphabet),
        md5: (s) => util.digest('MD5', String(s)),
        sha256: (s) => util.digest('SHA-256', String(s)),
        sha512: (s) => util.digest('SHA-512', String(s)),
        hs256: (s, secret) => util.hmac('HmacSHA256', String(s), String(secret)),
        hs512: (s, secret) => util.hmac('HmacSHA512', String(s), String(secret)),
        equal: (a, b) => util.constantTimeEquals(String(a), String(b)),
        createJWT: (payload, secret, seconds) => util.createJwt(S(payload), String(secret), seconds || 0),
        parseJWT: (token, secret) => P(util.parseJwt(String(token), String(secret))),
        parseUnverifiedJWT: (token) => P(util.parseJwt(String(token), '')),
        encrypt: (data, key) => util.encrypt(String(data), String(key)),
        decrypt: (cipher, key) => util.decrypt(String(cipher), String(key)),
    };
    g.$os = { getenv: (name) => util.getenv(String(name)) };
    g.$http = {
        send: (config) => {
            const res = P(util.httpSend(S(config || {})));
            let json = null;
            try { json = JSON.parse(res.raw); } catch (e) { json = null; }
            return { statusCode: res.statusCode, headers: res.headers, raw: res.raw, body: res.raw, json };
        },
    };
    // Go's html/template (dev.basalt.hooks.js.template); the data crosses as JSON, errors are thrown at render.
    const renderer = (run) => ({
        render: (data) => {
            const out = P(run(S(data)));
            if (out.error !== undefined) throw new Error(out.error);
            return out.html;
        },
    });
    // addFuncs({name: fn}) adds functions to this context's registry (PocketBase's registry is per runtime too);
    // they cross as functions of the arguments' JSON answering the result's JSON.
    const funcs = {};
    const added = () => Object.fromEntries(Object.entries(funcs).map(([n, f]) => [n, (a) => S(f(...P(a)))]));
    g.$template = {
        addFuncs: (map) => { Object.assign(funcs, map || {}); return g.$template; },
        loadString: (text) => renderer((json) => util.renderTemplate(String(text), json, added())),
        loadFiles: (...files) => renderer((json) => util.renderTemplateFiles(S(files.map(String)), json, added())),
    };
    const clean = (p) => {
        const abs = p.startsWith('/');
        const out = [];
        for (const part of p.split('/')) {
            if (part === '' || part === '.') continue;
            if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
            else if (part !== '..' || !abs) out.push(part);
        }
        const s = (abs ? '/' : '') + out.join('/');
        return s === '' ? '.' : s;
    };
    g.$filepath = {
        base: (p) => { const c = clean(String(p)); return c === '/' ? '/' : c.split('/').pop(); },
        dir: (p) => { const c = clean(String(p)); const i = c.lastIndexOf('/'); return i < 0 ? '.' : (i === 0 ? '/' : c.slice(0, i)); },
        ext: (p) => { const b = String(p).split('/').pop(); const i = b.lastIndexOf('.'); return i < 0 ? '' : b.slice(i); },
        join: (...parts) => clean(parts.filter((x) => x !== '').join('/')),
        clean: (p) => clean(String(p)),
        isAbs: (p) => String(p).startsWith('/'),
        split: (p) => { const s = String(p); const i = s.lastIndexOf('/'); return [s.slice(0, i + 1), s.slice(i + 1)]; },
    };
    g.$mails = {
        sendRecordPasswordReset: (app, record) => bridge.sendRecordMail('password-reset', record.__collection, record.id, ''),
        sendRecordVerification: (app, record) => bridge.sendRecordMail('verification', record.__collection, record.id, ''),
        sendRecordChangeEmail: (app, record, email) => bridge.sendRecordMail('email-change', record.__collection, record.id, String(email)),
        sendRecordOTP: (app, record, otpId, pass) => bridge.sendRecordOtp(record.__collection, record.id, String(otpId), String(pass)),
    };
    g.$filesystem = {
        fileFromBytes: (content, name) => fsFile(fs.fromBytes(content, String(name || ''))),
        fileFromPath: (path) => fsFile(fs.fromPath(String(path))),
        fileFromURL: (url, secTimeout) => fsFile(fs.fromUrl(String(url), secTimeout || 0)),
    };
    g.sleep = (ms) => util.sleep(ms);

    // CommonJS modules of the hooks directory (PocketBase: require(`${__hooks}/utils.js`)): evaluated once per
    // context and cached by file; a relative path is resolved against the requiring module's directory.
    const modules = {};
    const requireFrom = (dir) => (path) => {
        const file = util.modulePath(String(path), dir);
        if (modules[file]) {
            return modules[file].exports;
        }
        const module = { id: file, filename: file, exports: {}, loaded: false };
        const dirname = file.slice(0, file.lastIndexOf('/')) || '/';
        modules[file] = module;
        try {
            util.module(file)(module, module.exports, requireFrom(dirname), file, dirname);
        } catch (err) {
            delete modules[file];
            throw err;
        }
        module.loaded = true;
        return module.exports;
    };
    g.require = requireFrom(util.hooksDir());
    g.__hooks = util.hooksDir();

    // for events.js, which deletes it
    g.__internal = { P, S, stored, held, collectionName, $app, ApiError, fsFile };
})(__app, __util, __fs);
