// The hook file of the hook-families tests (ServerHooksTest and its subclasses): PocketBase users' patterns for the
// mailer, realtime, collection, model, file, batch, auth endpoint and settings hooks.
onMailerRecordPasswordResetSend((e) => {
    if (e.record.email().startsWith("quiet")) {
        return; // no e.next(): no mail
    }
    e.message.subject = "Reset for " + e.record.email() + ", token " + (e.meta.token ? "set" : "missing");
    e.next();
}, "hkusers");
onMailerRecordOTPSend((e) => {
    e.message.subject = "Your code has " + e.meta.password.length + " digits";
    e.next();
});
onMailerSend((e) => {
    e.message.html = e.message.html + "<p>Footer added by onMailerSend</p>";
    e.message.to = [{ address: e.message.to[0].address.replace("@", "+hooked@") }];
    e.next();
});
onRealtimeConnectRequest((e) => {
    if (e.request.header.get("X-Refuse") === "yes") {
        return e.json(403, { message: "No realtime for you " + e.client.id().length });
    }
    e.next();
});
onRealtimeSubscribeRequest((e) => {
    if (e.subscriptions.includes("forbidden")) {
        throw new ForbiddenError("Not this topic.");
    }
    e.subscriptions = e.subscriptions.map((s) => (s === "alias" ? "hkposts/*" : s));
    e.next();
});
onRealtimeMessageSend((e) => {
    if (e.message.name === "hkmuted/*") {
        return; // skipped
    }
    if (e.message.name === "hkposts/*") {
        const data = JSON.parse(e.message.data);
        data.record.stamped = "by hook";
        e.message.data = JSON.stringify(data);
    }
    e.next();
});
onCollectionCreate((e) => {
    if (e.collection.name === "hkskipped") {
        return; // not created
    }
    e.collection.listRule = "@request.auth.id != ''";
    e.next();
}, "hkcol1", "hkskipped");
onCollectionAfterCreateSuccess((e) => {
    const note = new Record($app.findCollectionByNameOrId("hkaudit"));
    note.set("title", "created " + e.collection.name + " " + e.collection.listRule);
    $app.save(note);
}, "hkcol1");
onCollectionAfterCreateError((e) => {
    const note = new Record($app.findCollectionByNameOrId("hkaudit"));
    note.set("title", "failed " + e.collection.name + ": " + (e.error ? "with error" : "no error"));
    $app.save(note);
}, "hkbroken");
onCollectionUpdate((e) => {
    if (e.collection.viewRule === "locked") {
        throw new BadRequestError("Locked collection.");
    }
    e.next();
}, "hkcol1");
onCollectionDelete((e) => {
    // no e.next(): kept
}, "hkkeep");
onCollectionViewRequest((e) => {
    if (e.collection.name === "hkkeep") {
        return e.json(403, { message: "Hidden " + e.collection.name });
    }
    e.next();
});
onCollectionCreateRequest((e) => {
    if (e.collection.name === "hkcol2") {
        e.collection.viewRule = "id != ''";
    }
    e.next();
});
onModelCreate((e) => {
    if (e.model.getString("title").startsWith("refused")) {
        throw new BadRequestError("The model hook refused it.");
    }
    e.model.set("title", e.model.getString("title") + " (model)");
    e.next();
}, "hkmodels");
onRecordCreate((e) => {
    e.record.set("title", e.record.getString("title") + " (record)");
    e.next();
}, "hkmodels");
onModelAfterCreateSuccess((e) => {
    const note = new Record($app.findCollectionByNameOrId("hkaudit"));
    note.set("title", "model created " + e.model.getString("title"));
    $app.save(note);
}, "hkmodels");
onModelDelete((e) => {
    if (e.model.getString("title").startsWith("keep")) {
        return; // no e.next(): not deleted
    }
    e.next();
}, "hkmodels");
onFileDownloadRequest((e) => {
    if (e.servedName.startsWith("secret")) {
        return e.json(403, { message: "No " + e.fileField.name + " of " + e.record.id });
    }
    e.servedName = "renamed-" + e.servedName;
    e.next();
}, "hkfiles");
onFileTokenRequest((e) => {
    e.token = "hooked." + e.token;
    e.next();
});
onBatchRequest((e) => {
    if (e.batch.length > 2) {
        throw new BadRequestError("Too many in one batch.");
    }
    for (const r of e.batch) {
        r.body.title = r.body.title + " (batched)";
    }
    e.next();
});
onRecordAuthWithPasswordRequest((e) => {
    if (e.identity === "blocked@example.com") {
        throw new ForbiddenError("Blocked account.");
    }
    if (e.identity === "carol") {
        e.identity = "carol@example.com";
    }
    e.next();
}, "hkauth");
onRecordRequestPasswordResetRequest((e) => {
    if (e.email === "stop@example.com") {
        return e.json(429, { message: "Slow down, " + e.collection.name + "." });
    }
    e.next();
}, "hkauth");
onSettingsListRequest((e) => {
    e.settings.meta.appName = e.settings.meta.appName + " (listed)";
    e.next();
});
onSettingsUpdateRequest((e) => {
    if (e.newSettings.meta.appName === "Forbidden name") {
        throw new BadRequestError("Not that name.");
    }
    if (e.newSettings.meta.appName === "hooked") {
        e.newSettings.meta.senderName = "Hooked sender " + e.oldSettings.meta.appName.length;
    }
    e.next();
});
onCollectionsListRequest((e) => {
    if (e.request.url.rawQuery.includes("hkblock")) {
        return e.json(418, { message: "No list" });
    }
    e.next();
});
