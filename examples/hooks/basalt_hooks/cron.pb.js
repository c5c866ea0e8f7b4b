/// <reference path="../pb_data/types.d.ts" />
// A scheduled clean-up: drafts marked "trash" are deleted every five minutes (on one node of a cluster).
cronAdd("cleanupTrash", "*/5 * * * *", () => {
    for (const post of $app.findRecordsByFilter("posts", "status = 'trash'", "", 0, 0)) {
        $app.delete(post);
    }
});
