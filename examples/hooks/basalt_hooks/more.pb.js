/// <reference path="../pb_data/types.d.ts" />
// More of the API, as smaller real-world snippets: middlewares, other answers, errors, auth and utilities.

// A middleware on every custom route: a response header.
routerUse((e) => {
    e.response.header().set("X-Powered-By", "hooks");
    e.next();
});

routerAdd("GET", "/api/pages/text", (e) => e.string(200, "plain " + $filepath.base("/a/b/report.pdf")));
routerAdd("GET", "/api/pages/html", (e) => e.html(200, $template.loadString("<p>Hi {{.name}}</p>").render({ name: "<Ada>" })));
routerAdd("GET", "/api/pages/old", (e) => e.redirect(307, "/api/pages/text"));
routerAdd("GET", "/api/pages/forbidden", (e) => { throw new ForbiddenError("Not for you."); });
routerAdd("GET", "/api/pages/unauthorized", (e) => { throw new UnauthorizedError(); });
routerAdd("GET", "/api/pages/missing", (e) => { throw new NotFoundError("No such page."); });
routerAdd("GET", "/api/pages/crash", (e) => { null.boom(); });

// Utilities: environment, hashing, JWTs, and an HTTP call back into this server.
routerAdd("GET", "/api/tools", (e) => {
    const token = $security.createJWT({ sub: "42" }, "a-secret-of-at-least-32-characters!", 60);
    const res = $http.send({ url: "http://" + e.request.header.get("host") + "/api/hello/http", method: "GET" });
    return e.json(200, {
        path: $os.getenv("PATH") ? "set" : "unset",
        sha: $security.sha256("abc"),
        sub: $security.parseJWT(token, "a-secret-of-at-least-32-characters!").sub,
        roundTrip: $security.decrypt($security.encrypt("secret", "0123456789abcdef0123456789abcdef"), "0123456789abcdef0123456789abcdef"),
        http: res.statusCode + " " + res.json.message,
        join: $filepath.join("a", "b/../c", "d.txt"),
    });
});

// Reads: the first match and all records, and a record built with load() and email().
routerAdd("GET", "/api/stats", (e) => {
    const first = $app.findFirstRecordByFilter("posts", "title = {:title}", { title: e.request.url.rawQuery ? "Mine" : "" });
    const draft = new Record($app.findCollectionByNameOrId("audit"));
    draft.load({ action: "stats", title: "x" });
    return e.json(200, { first: first.getString("title"), all: $app.findAllRecords("posts").length, loaded: draft.get("action"), isNew: draft.isNew() });
}, $apis.requireSuperuserAuth());

// Update and delete model hooks, and the error hook of a refused update.
onRecordUpdate((e) => {
    if (e.record.getString("status") === "locked") {
        throw new BadRequestError("Locked posts cannot change.");
    }
    e.record.set("views", e.record.getInt("views") + 1);
    e.next();
}, "posts");

onRecordAfterUpdateError((e) => {
    $app.logger().warn("update refused", "error", e.error);
    e.next();
}, "posts");

onRecordDelete((e) => {
    if (e.record.getString("status") === "keep") {
        throw new ForbiddenError("This post is kept.");
    }
    e.next();
}, "posts");

// Sign-in: extra data in the auth answer's meta.
onRecordAuthRequest((e) => {
    e.record.set("signedInWith", e.authMethod);
    e.next();
});

onServe((e) => {
    $app.logger().info("serving with JS hooks");
    e.next();
});
