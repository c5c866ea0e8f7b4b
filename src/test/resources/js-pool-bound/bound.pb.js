// JsPoolBoundApiTest (basalt.hooks-max-contexts=2). /api/hold/{n} saves a mark, then holds its context until the
// test saves a record in "releases" (no JS hook, so it needs no context); /api/nested saves a mark from a route
// handler, and the model hook below runs inside it.
routerAdd("GET", "/api/hold/{n}", (e) => {
    const marks = $app.findCollectionByNameOrId("marks");
    $app.save(new Record(marks, { n: "hold " + e.request.pathValue("n") }));
    for (let i = 0; i < 1200; i++) {
        try {
            $app.findFirstRecordByFilter("releases", "id != ''");
            return e.json(200, { released: true });
        } catch (err) {
            sleep(50);
        }
    }
    e.json(200, { released: false });
});
routerAdd("GET", "/api/nested", (e) => {
    $app.save(new Record($app.findCollectionByNameOrId("marks"), { n: "nested" }));
    e.json(200, { saved: true });
});
onRecordCreate((e) => {
    e.record.set("seen", true);
    e.next();
}, "marks");
