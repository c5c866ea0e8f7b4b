migrate((app) => {
    const collection = app.findCollectionByNameOrId("jsmig_notes");
    unmarshal({ "viewRule": "" }, collection);
    collection.fields.addAt(1, new BoolField({ "name": "done" }));
    collection.fields.removeByName("rank");
    app.save(collection);

    const note = app.findFirstRecordByFilter("jsmig_notes", "title = {:title}", { title: "seeded" });
    note.set("done", true);
    app.save(note);
}, (app) => {
    const collection = app.findCollectionByNameOrId("jsmig_notes");
    collection.fields.removeByName("done");
    app.save(collection);
});
