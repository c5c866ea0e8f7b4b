// A typical pb_hooks folder: a page rendered from a layout and a page template, and an OTP mail sent from a route.

routerAdd("GET", "/api/tpl/page/{name}", (e) => {
    const html = $template.loadFiles(`${__hooks}/views/layout.html`, `${__hooks}/views/page.html`).render({
        name: e.request.pathValue("name"),
        items: [{ title: "one", url: "/a?x=1&y=2" }, { title: "<two>", url: "javascript:alert(1)" }],
        admin: false,
        count: 2,
    });
    return e.html(200, html);
});

// relative paths: from the hooks directory, or naming it as PocketBase's working-directory paths do
routerAdd("GET", "/api/tpl/relative", (e) => e.html(200, $template.loadFiles("templates/views/layout.html", "views/page.html")
    .render({ name: "Rel", items: [], count: 0 })));

routerAdd("GET", "/api/tpl/string", (e) => e.html(200, $template.loadString("{{range $i, $n := .}}{{if $i}}, {{end}}{{$n}}{{end}}").render(["a", "b"])));

routerAdd("GET", "/api/tpl/broken", (e) => e.html(200, $template.loadFiles(`${__hooks}/views/broken.html`).render({})));

routerAdd("POST", "/api/tpl/otp/{collection}", (e) => {
    const body = e.requestInfo().body;
    const record = $app.findFirstRecordByFilter(e.request.pathValue("collection"), "email = {:email}", { email: body.email });
    $mails.sendRecordOTP($app, record, "otp-id-123", "424242");
    return e.json(200, { sent: true });
});
