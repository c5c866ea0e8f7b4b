// Basalt's PocketBase JS hooks API, part two: $app.db() (the hook's own SQL), $dbx expressions, DynamicModel,
// arrayOf, the $app finders that take expressions, and $app.settings(). Built on the host objects JsDb and
// JsFinders, which answer JSON envelopes: {rows}, {affected}, {count} or {error} (thrown here as an Error).
(function (db, find) {
    'use strict';
    const g = globalThis;
    const { P, S, stored, collectionName, $app } = g.__internal;
    const NO_ROWS = 'sql: no rows in result set';
    const hidden = (o, key, value) => Object.defineProperty(o, key, { value, enumerable: false, writable: true });
    const answer = (json) => {
        const res = P(json);
        if (res.error) {
            throw new Error(res.error);
        }
        return res;
    };

    /** A shape value that makes its field nullable (PocketBase's nullString() etc.). */
    class Nullable {
        constructor(kind) { this.kind = kind; }
    }
    const defaults = { string: '', number: 0, bool: false, array: [], object: {} };
    g.nullString = () => new Nullable('string');
    g.nullInt = () => new Nullable('number');
    g.nullFloat = () => new Nullable('number');
    g.nullBool = () => new Nullable('bool');
    g.nullArray = () => new Nullable('array');
    g.nullObject = () => new Nullable('object');

    const parsed = (text, fallback) => {
        try { return JSON.parse(text); } catch (e) { return fallback; }
    };
    /** A column's value converted to the type of the shape's value (as Go scans into the model's field). */
    const convert = (shape, v) => {
        if (shape instanceof Nullable) {
            return v == null ? null : convert(defaults[shape.kind], v);
        }
        if (typeof shape === 'string') {
            return v == null ? '' : (typeof v === 'object' ? JSON.stringify(v) : String(v));
        }
        if (typeof shape === 'number') {
            const n = typeof v === 'boolean' ? (v ? 1 : 0) : Number(v);
            return v == null || !Number.isFinite(n) ? 0 : n;
        }
        if (typeof shape === 'boolean') {
            return v === true || v === 1 || v === 't' || v === 'true' || v === '1';
        }
        if (Array.isArray(shape)) {
            const a = typeof v === 'string' ? parsed(v, []) : v;
            return Array.isArray(a) ? a : (a == null ? [] : [a]);
        }
        if (shape && typeof shape === 'object') {
            const o = typeof v === 'string' ? parsed(v, {}) : v;
            return o && typeof o === 'object' && !Array.isArray(o) ? o : {};
        }
        return v;
    };

    /** PocketBase's DynamicModel: an object with the shape's fields, filled by column name from a query's rows. */
    class DynamicModel {
        constructor(shape) {
            if (!shape || typeof shape !== 'object' || !Object.keys(shape).length) {
                throw new Error('[DynamicModel] missing shape data');
            }
            hidden(this, '__shape', shape);
            for (const k of Object.keys(shape)) {
                const v = shape[k];
                this[k] = v instanceof Nullable ? null : (v && typeof v === 'object' ? P(S(v)) : v);
            }
        }
    }
    const fill = (model, row) => {
        for (const k of Object.keys(model.__shape)) {
            if (Object.prototype.hasOwnProperty.call(row, k)) {
                model[k] = convert(model.__shape[k], row[k]);
            }
        }
        return model;
    };
    g.DynamicModel = DynamicModel;
    g.arrayOf = (model) => { const a = []; hidden(a, '__of', model); return a; };

    /** One row as the target's kind: a DynamicModel, a Record (of the query's collection) or a plain object. */
    const item = (template, row, collection) => {
        if (template instanceof DynamicModel) {
            return fill(new DynamicModel(template.__shape), row);
        }
        if (template instanceof g.Record) {
            return stored(collection || template.__collection, S(row));
        }
        return Object.assign({}, row);
    };
    const loadInto = (target, row, collection) => {
        if (target instanceof DynamicModel) {
            fill(target, row);
        } else if (target instanceof g.Record) {
            target.__collection = collection || target.__collection;
            target.__data = row;
            target.__new = false;
        } else if (target && typeof target === 'object') {
            Object.assign(target, row);
        }
    };
    const allInto = (target, rows, collection) => {
        if (!Array.isArray(target)) {
            throw new Error('all() needs an array, e.g. arrayOf(new DynamicModel({...}))');
        }
        target.length = 0;
        rows.forEach((row) => target.push(item(target.__of, row, collection)));
    };

    /** dbx's Query: the hook's SQL with {:name} placeholders, bound with bind(). */
    class Query {
        constructor(sql) {
            this.__sql = String(sql);
            this.__params = {};
        }
        bind(params) { Object.assign(this.__params, params || {}); return this; }
        withContext() { return this; }
        run(mode) { return answer(db.query(this.__sql, S(this.__params), mode)); }
        all(target) { allInto(target, this.run('all').rows); }
        one(target) {
            const rows = this.run('one').rows;
            if (!rows.length) {
                throw new Error(NO_ROWS);
            }
            loadInto(target, rows[0]);
        }
        column(target) {
            const values = this.run('column').rows;
            target.length = 0;
            values.forEach((v) => target.push(target.__of !== undefined ? convert(target.__of, v) : v));
        }
        execute() {
            const affected = this.run('execute').affected;
            return { rowsAffected: () => affected, lastInsertId: () => 0 };
        }
    }
    const builder = { newQuery: (sql) => new Query(sql) };

    const X = (kind, fields) => Object.assign({ __dbx: kind }, fields);
    g.$dbx = {
        exp: (sql, params) => X('exp', { sql: String(sql), params: params || {} }),
        hashExp: (data) => X('hash', { data: data || {} }),
        not: (e) => X('not', { item: e }),
        and: (...values) => X('and', { values }),
        or: (...values) => X('or', { values }),
        in: (col, ...values) => X('in', { col, values }),
        notIn: (col, ...values) => X('notIn', { col, values }),
        like: (col, ...values) => X('like', { col, values }),
        notLike: (col, ...values) => X('notLike', { col, values }),
        orLike: (col, ...values) => X('orLike', { col, values }),
        orNotLike: (col, ...values) => X('orNotLike', { col, values }),
        exists: (e) => X('exists', { item: e }),
        notExists: (e) => X('notExists', { item: e }),
        between: (col, from, to) => X('between', { col, from, to }),
        notBetween: (col, from, to) => X('notBetween', { col, from, to }),
    };

    const records = (c, exprs, order, limit, offset) =>
        answer(find.records(collectionName(c), S(exprs), order || '', limit || 0, offset || 0)).rows;
    const first = (c, json) => {
        const rows = answer(json).rows;
        if (!rows.length) {
            throw new Error(NO_ROWS);
        }
        return stored(collectionName(c), S(rows[0]));
    };

    /** dbx's SelectQuery over a collection's records, as $app.recordQuery(collection) gives it. */
    class RecordQuery {
        constructor(c) {
            this.__c = collectionName(c);
            this.__where = null;
            this.__order = [];
            this.__limit = 0;
            this.__offset = 0;
        }
        where(e) { this.__where = e || null; return this; }
        andWhere(e) { this.__where = this.__where ? g.$dbx.and(this.__where, e) : e; return this; }
        orWhere(e) { this.__where = this.__where ? g.$dbx.or(this.__where, e) : e; return this; }
        orderBy(...cols) { this.__order = cols.map(String); return this; }
        andOrderBy(...cols) { this.__order = this.__order.concat(cols.map(String)); return this; }
        limit(n) { this.__limit = Math.max(0, Number(n) || 0); return this; }
        offset(n) { this.__offset = Math.max(0, Number(n) || 0); return this; }
        withContext() { return this; }
        rows(limit) {
            return records(this.__c, this.__where ? [this.__where] : [], this.__order.join(', '), limit,
                this.__offset);
        }
        all(target) {
            if (target.__of === undefined) {
                hidden(target, '__of', new g.Record(this.__c));
            }
            allInto(target, this.rows(this.__limit), this.__c);
        }
        one(target) {
            const rows = this.rows(1);
            if (!rows.length) {
                throw new Error(NO_ROWS);
            }
            loadInto(target, rows[0], this.__c);
        }
    }

    const deepFreeze = (o) => {
        Object.values(o).forEach((v) => { if (v && typeof v === 'object') deepFreeze(v); });
        return Object.freeze(o);
    };
    const findAll = $app.findAllRecords;
    Object.assign($app, {
        db: () => builder,
        nonconcurrentDB: () => builder,
        concurrentDB: () => builder,
        recordQuery: (c) => new RecordQuery(c),
        findAllRecords: (c, ...exprs) => (exprs.length
            ? records(c, exprs).map((o) => stored(collectionName(c), S(o))) : findAll(c)),
        countRecords: (c, ...exprs) => answer(find.count(collectionName(c), S(exprs))).count,
        findRecordsByIds: (c, ids) => answer(find.byIds(collectionName(c), S(Array.from(ids || []))))
            .rows.map((o) => stored(collectionName(c), S(o))),
        findFirstRecordByData: (c, key, value) => first(c, find.firstByData(collectionName(c), String(key), S(value))),
        findAuthRecordByEmail: (c, email) => first(c, find.authByEmail(collectionName(c), String(email))),
        isCollectionNameUnique: (name, ...excludeIds) => find.nameUnique(String(name), S(excludeIds)),
        settings: () => deepFreeze(P(find.settings())),
    });
})(__db, __find);
