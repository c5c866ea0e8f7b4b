/// <reference path="../pb_data/types.d.ts" />
// Record hooks of a small blog, as PocketBase users write them. Collections: posts (title, slug, author, status,
// views), audit (action, record, title), both created by the test / by hand before use.

// Slugify on create: the model hook sees every write (API, batch, dashboard, other hooks).
onRecordCreate((e) => {
    if (!e.record.getString("slug")) {
        const slug = e.record.getString("title")
            .toLowerCase()
            .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
            .replace(/[^a-z0-9]+/g, "-")
            .replace(/^-+|-+$/g, "");
        e.record.set("slug", slug + "-" + $security.randomStringWithAlphabet(4, "abcdefghijklmnopqrstuvwxyz0123456789"));
    }
    e.next();
}, "posts");

// Request hook: the author is whoever is signed in, and a validation error in PocketBase's shape.
onRecordCreateRequest((e) => {
    const title = e.record.getString("title");
    if (/viagra|casino/i.test(title)) {
        throw new BadRequestError("Spam is not welcome.", {
            title: { code: "validation_spam", message: "The title looks like spam." },
        });
    }
    if (e.auth) {
        e.record.set("author", e.auth.id);
    }
    e.next();
}, "posts");

// After success: a side effect once the write is committed (an audit trail record).
onRecordAfterCreateSuccess((e) => {
    const audit = new Record($app.findCollectionByNameOrId("audit"));
    audit.set("action", "create");
    audit.set("record", e.record.id);
    audit.set("title", e.record.getString("title"));
    $app.save(audit);
    $app.logger().info("post created", "id", e.record.id);
    e.next();
}, "posts");

// Enrich: a computed field in every answer, and the view counter hidden from everyone but superusers.
onRecordEnrich((e) => {
    e.record.set("titleLength", e.record.getString("title").length);
    if (!e.requestInfo.auth || !e.requestInfo.auth.isSuperuser()) {
        e.record.hide("views");
    }
    e.next();
}, "posts");
