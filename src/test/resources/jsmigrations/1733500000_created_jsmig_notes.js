/// <reference path="../pb_data/types.d.ts" />
// As PocketBase's dashboard writes them: create a collection, then seed a record into it.
migrate((app) => {
    const collection = new Collection({
        "id": "pbc_jsmignotes01",
        "name": "jsmig_notes",
        "type": "base",
        "listRule": "",
        "viewRule": null,
        "createRule": null,
        "updateRule": null,
        "deleteRule": null,
        "fields": [
            { "id": "text_title", "name": "title", "type": "text", "required": true, "max": 100 },
            { "id": "number_rank", "name": "rank", "type": "number" },
        ],
        "indexes": ["CREATE INDEX `idx_jsmig_title` ON `jsmig_notes` (`title`)"],
    });
    app.save(collection);

    const note = new Record(collection, { "title": "seeded", "rank": 3 });
    app.save(note);
}, (app) => {
    app.delete(app.findCollectionByNameOrId("pbc_jsmignotes01"));
});
