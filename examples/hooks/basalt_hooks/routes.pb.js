/// <reference path="../pb_data/types.d.ts" />
// Custom routes, as PocketBase users write them.

routerAdd("GET", "/api/hello/{name}", (e) => {
    const name = e.request.pathValue("name");
    return e.json(200, { message: "Hello " + name });
});

// Only for signed-in users: their own posts, newest first, with a bound filter parameter.
routerAdd("GET", "/api/myposts", (e) => {
    const posts = $app.findRecordsByFilter("posts", "author = {:author}", "-created", 50, 0, { author: e.auth.id });
    return e.json(200, posts.map((p) => ({ id: p.id, title: p.getString("title"), slug: p.getString("slug") })));
}, $apis.requireAuth());

// Superusers only: publish every draft in one transaction.
routerAdd("POST", "/api/posts/publish-all", (e) => {
    let count = 0;
    $app.runInTransaction((txApp) => {
        for (const post of txApp.findRecordsByFilter("posts", "status = 'draft'", "", 0, 0)) {
            post.set("status", "published");
            txApp.save(post);
            count++;
        }
    });
    return e.json(200, { published: count });
}, $apis.requireSuperuserAuth());

// Reads the request: query, headers and JSON body through requestInfo().
routerAdd("POST", "/api/echo", (e) => {
    const info = e.requestInfo();
    if (!info.body.text) {
        throw new BadRequestError("Missing text.");
    }
    return e.json(200, { text: info.body.text, lang: info.query.lang || "", signature: $security.hs256(info.body.text, "key") });
});

routerAdd("GET", "/api/missing-post/{id}", (e) => {
    const post = $app.findRecordById("posts", e.request.pathValue("id")); // throws: a 404 as PocketBase
    return e.json(200, post);
});
