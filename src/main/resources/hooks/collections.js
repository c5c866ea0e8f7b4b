// PocketBase's Collection and Field models, for JS migrations (migrate(up, down)) and hooks: new Collection({...}),
// new TextField({...}), collection.fields.add/addAt/removeById/getByName, unmarshal(data, model), and $app.save /
// $app.delete / $app.findCollectionByNameOrId / $app.findAllCollections for them. Built on the JsCollections host
// object, which exchanges PocketBase's collection JSON.
(function (bridge) {
    'use strict';
    const g = globalThis;
    const { P, S, $app } = g.__internal;

    class Field {
        constructor(data) { Object.assign(this, data || {}); }
        getId() { return this.id || ''; }
        getName() { return this.name || ''; }
    }
    const fieldTypes = {
        TextField: 'text', NumberField: 'number', BoolField: 'bool', EmailField: 'email', URLField: 'url',
        EditorField: 'editor', DateField: 'date', AutodateField: 'autodate', SelectField: 'select',
        JSONField: 'json', FileField: 'file', RelationField: 'relation', PasswordField: 'password',
        GeoPointField: 'geoPoint',
    };
    const typed = {};
    for (const [name, type] of Object.entries(fieldTypes)) {
        typed[type] = class extends Field {
            constructor(data) { super(Object.assign({}, data || {}, { type })); }
        };
        Object.defineProperty(typed[type], 'name', { value: name });
        g[name] = typed[type];
    }
    g.Field = Field;
    const toField = (f) => (f instanceof Field ? f : new (typed[f && f.type] || Field)(f));

    /** A collection's fields: an array with PocketBase's FieldsList methods. */
    class FieldsList extends Array {
        static of(fields) {
            const list = new FieldsList();
            (fields || []).forEach((f) => list.push(toField(f)));
            return list;
        }
        indexOfField(f) {
            return this.findIndex((x) => (f.id && x.id === f.id) || (f.name && x.name === f.name));
        }
        /** Adds fields, each replacing the one with its id or name (PocketBase: an update in place). */
        add(...fields) { fields.forEach((f) => this.addAt(this.length, f)); }
        addAt(pos, ...fields) {
            let at = Math.max(0, Math.min(pos, this.length));
            for (const raw of fields) {
                const f = toField(raw);
                const i = this.indexOfField(f);
                if (i >= 0) {
                    this.splice(i, 1);
                    if (i < at) at--;
                }
                this.splice(at++, 0, f);
            }
        }
        addMarshaledJSON(json) { [].concat(JSON.parse(String(json))).forEach((f) => this.add(f)); }
        getById(id) { return this.find((f) => f.id === id) || null; }
        getByName(name) { return this.find((f) => f.name === name) || null; }
        removeById(id) { const i = this.findIndex((f) => f.id === id); if (i >= 0) this.splice(i, 1); }
        removeByName(name) { const i = this.findIndex((f) => f.name === name); if (i >= 0) this.splice(i, 1); }
        fieldNames() { return this.map((f) => f.name); }
        asArray() { return Array.from(this); }
    }

    /** PocketBase's Collection model; rules default to null (superusers only), as in PocketBase. */
    class Collection {
        constructor(data) {
            Object.assign(this, { id: '', name: '', type: 'base', system: false, listRule: null, viewRule: null,
                createRule: null, updateRule: null, deleteRule: null, indexes: [] });
            this.fields = FieldsList.of([]);
            this.__new = true;
            unmarshal(data || {}, this);
        }
        isNew() { return this.__new; }
        isAuth() { return this.type === 'auth'; }
        isBase() { return this.type === 'base'; }
        isView() { return this.type === 'view'; }
        addIndex(name, unique, columns, where) {
            this.removeIndex(name);
            this.indexes.push(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX \`${name}\` ON \`${this.name}\` (${columns})`
                + (where ? ` WHERE ${where}` : ''));
        }
        removeIndex(name) {
            this.indexes = this.indexes.filter((ix) => !new RegExp('INDEX\\s+(IF NOT EXISTS\\s+)?[`"]?' + name
                + '[`"]?\\s+ON', 'i').test(ix));
        }
        toJSON() {
            const out = {};
            for (const k of Object.keys(this)) {
                if (!k.startsWith('__')) out[k] = k === 'fields' ? Array.from(this.fields) : this[k];
            }
            return out;
        }
    }
    g.Collection = Collection;

    /** Copies JSON-like data into a model (PocketBase's unmarshal); a collection's fields become Field objects. */
    function unmarshal(data, target) {
        const values = typeof data === 'string' ? JSON.parse(data) : (data || {});
        for (const k of Object.keys(values)) {
            if (target instanceof Collection && k === 'fields') {
                target.fields = FieldsList.of(values.fields);
            } else {
                target[k] = values[k];
            }
        }
        return target;
    }
    g.unmarshal = unmarshal;

    const stored = (json) => {
        const c = new Collection(P(json));
        c.__new = false;
        return c;
    };
    const saveRecord = $app.save;
    const deleteRecord = $app.delete;
    $app.save = (model) => {
        if (!(model instanceof Collection)) {
            return saveRecord(model);
        }
        unmarshal(P(bridge.save(S(model))), model);
        model.__new = false;
        return undefined;
    };
    $app.delete = (model) => (model instanceof Collection ? bridge.delete(model.id || model.name)
        : deleteRecord(model));
    $app.findCollectionByNameOrId = (nameOrId) => {
        const json = bridge.find(String(nameOrId));
        if (json == null) {
            throw new Error('sql: no rows in result set');
        }
        return stored(json);
    };
    $app.importCollections = (list, deleteMissing) => bridge.importCollections(S(Array.from(list || [])
        .map((c) => (c instanceof Collection ? c.toJSON() : c))), !!deleteMissing);
    $app.findAllCollections = (...types) => P(bridge.all()).filter((c) => !types.length || types.includes(c.type))
        .map((c) => stored(S(c)));

    /** A migration file's migrate(up, down): the runner reads what the file registered. */
    g.migrate = (up, down) => {
        g.__migration = { up, down: down || null };
    };
})(__collections);
