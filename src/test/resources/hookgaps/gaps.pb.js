// The hook file of the hook-gaps tests (GapHooksTest and its subclasses): files from uploads and $filesystem set on
// records, $apis.bodyLimit / gzip, the collections import and backup hooks.
onRecordCreateRequest((e) => {
    if (e.record.getString("title") === "from-bytes") {
        e.record.set("doc", $filesystem.fileFromBytes("hello bytes", "greeting.txt"));
        return e.next();
    }
    let files = [];
    try {
        files = e.findUploadedFiles("doc");
    } catch (err) {
        e.record.set("title", err.message);
        return e.next();
    }
    const f = files[0];
    e.record.set("title", [f.originalName, f.size, f.name].join("|"));
    if (f.originalName === "rename.txt") {
        f.name = "renamed_by_hook.txt";
    }
    e.record.set("doc", f); // the same upload, under the name the hook read
    e.next();
}, "gapdocs");

routerAdd("POST", "/gap/files", (e) => {
    const body = e.requestInfo().body;
    const record = new Record($app.findCollectionByNameOrId("gapdocs"));
    record.set("title", "route");
    const bytes = $filesystem.fileFromBytes([104, 105, 33], "bang.txt");
    record.set("doc", bytes);
    const shown = JSON.stringify({ f: bytes, r: record.get("doc") });
    record.set("docs", [$filesystem.fileFromPath(`${__hooks}/assets/logo.txt`),
        $filesystem.fileFromURL(body.url, 10)]);
    $app.save(record);
    return e.json(200, { id: record.id, doc: record.get("doc"), docs: record.get("docs"), bytesName: bytes.name,
        bytesSize: bytes.size, shown });
});

routerAdd("GET", "/gap/outside", (e) => {
    try {
        $filesystem.fileFromPath("/etc/hostname");
        return e.json(200, { read: true });
    } catch (err) {
        return e.json(200, { read: false });
    }
});

routerAdd("POST", "/gap/limited", (e) => {
    return e.json(200, { keys: Object.keys(e.requestInfo().body).length });
}, $apis.bodyLimit(100));

routerAdd("GET", "/gap/big", (e) => e.string(200, "basalt ".repeat(1000)), $apis.gzip());

// every route, the built-in ones too
routerUse($apis.bodyLimit(64 * 1024));

onCollectionsImportRequest((e) => {
    if (e.collectionsData.some((c) => c.name === "gapforbidden")) {
        throw new BadRequestError("Not that collection.");
    }
    e.collectionsData = e.collectionsData.map((c) => (c.name === "gapimport" ? Object.assign({}, c, { listRule: "" }) : c));
    e.deleteMissing = false; // imports never delete here (a common safety hook)
    e.next();
});

onBackupCreate((e) => {
    if (e.name.startsWith("gapskip_")) {
        return; // no e.next(): no backup
    }
    if (e.name.startsWith("gaphooked_")) {
        e.name = "gaprenamed_" + e.name.slice("gaphooked_".length);
    }
    e.next();
});

onBackupRestore((e) => {
    if (e.name.startsWith("gapnorestore")) {
        throw new BadRequestError("Restores are off for " + e.name + ".");
    }
    e.next();
});

routerAdd("GET", "/gap/tpl/{name}", (e) => {
    $template.addFuncs({ upper: (s) => String(s).toUpperCase(), add: (a, b) => a + b });
    const html = $template.addFuncs({ fail: () => { throw new Error("nope"); } })
        .loadString("<p title=\"{{upper .name}}\">{{.name | upper}} {{add 1 2}}</p>")
        .render({ name: e.request.pathValue("name") });
    let failure = "";
    try {
        $template.loadString("{{fail}}").render({});
    } catch (err) {
        failure = err.message;
    }
    return e.json(200, { html, failure });
});
