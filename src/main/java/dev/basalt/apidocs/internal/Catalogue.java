package dev.basalt.apidocs.internal;

import static dev.basalt.apidocs.internal.Audience.GUEST;
import static dev.basalt.apidocs.internal.Audience.SUPERUSER;
import static dev.basalt.apidocs.internal.Audience.USER;
import static dev.basalt.apidocs.internal.Json.obj;
import static dev.basalt.apidocs.internal.Json.string;

import java.util.List;
import java.util.Map;

/**
 * The endpoints that are the same whatever the schema, with PocketBase's paths. Those of PocketBase that Basalt may
 * not route yet (logs, crons, backups, settings tests) are listed too: the document keeps only what the server
 * routes.
 */
final class Catalogue {
    private static final List<String> NONE = List.of();
    private static final List<String> LIST = List.of("page", "perPage", "sort", "filter", "fields", "skipTotal");
    private static final Map<String, Object> ANY = obj("type", "object", "additionalProperties", true);
    private static final Map<String, Object> PAGE = Json.object(obj("page", obj("type", "integer"),
            "perPage", obj("type", "integer"), "totalItems", obj("type", "integer"),
            "totalPages", obj("type", "integer"), "items", obj("type", "array", "items", ANY)), List.of("items"));
    private static final Map<String, Object> ARRAY = obj("type", "array", "items", ANY);
    private static final Map<String, Object> FILE = obj("description", "The file.", "content",
            obj("application/octet-stream", obj("schema", obj("type", "string", "contentMediaType",
                    "application/octet-stream"))));
    private static final Map<String, Object> HTML = obj("description", "The page.", "content",
            obj("text/html", obj("schema", obj("type", "string"))));

    private Catalogue() {
    }

    /** Every endpoint of the catalogue, in the order of the document. */
    static List<Endpoint> endpoints() {
        return List.of(
                e("GET", "/api/health", "System", "health", "Health of the server and its database.", GUEST, null,
                        Json.object(obj("code", obj("type", "integer"), "message", string(null), "data", ANY),
                                List.of("code", "message"))),
                e("GET", "/api/realtime", "Realtime", "realtimeConnect", "Open the event stream (Server-Sent "
                                + "Events); the first event, PB_CONNECT, carries the clientId.", GUEST, null,
                        obj("description", "An event stream.", "content",
                                obj("text/event-stream", obj("schema", obj("type", "string"))))),
                e("POST", "/api/realtime", "Realtime", "realtimeSubscribe", "Set the client's subscriptions "
                                + "(<collection>/* or <collection>/<id>, with ?options={query, headers}).", GUEST,
                        Json.object(obj("clientId", string(null), "subscriptions", obj("type", "array",
                                "items", obj("type", "string"))), List.of("clientId")), null),
                e("POST", "/api/batch", "Batch", "batch", "Run several record requests in one transaction (all or "
                                + "nothing), each checked by its own rules.", GUEST,
                        Json.object(obj("requests", obj("type", "array", "items", Json.object(obj(
                                "method", obj("type", "string", "enum", List.of("POST", "PATCH", "PUT", "DELETE")),
                                "url", string("e.g. /api/collections/posts/records"),
                                "headers", ANY, "body", ANY), List.of("method", "url")))), List.of("requests")),
                        obj("type", "array", "items", Json.object(obj("status", obj("type", "integer"),
                                "body", ANY), List.of("status")))),
                new Endpoint("GET", "/api/files/{collection}/{recordId}/{filename}", "Files", "downloadFile",
                        "Download a file of a record (?thumb=WxH for image thumbnails, ?download=1 as an "
                                + "attachment, ?token= for protected files).", GUEST, NONE, null, FILE),
                e("POST", "/api/files/token", "Files", "fileToken", "A short-lived token for protected files.",
                        USER, null, Json.object(obj("token", string(null)), List.of("token"))),
                e("GET", "/api/oauth2-redirect", "Auth", "oauth2Redirect", "OAuth2 providers redirect here; the "
                        + "code goes to the realtime client named by state.", GUEST, null, HTML),
                e("POST", "/api/oauth2-redirect", "Auth", "oauth2RedirectPost", "The same, for providers that "
                        + "POST (form_post).", GUEST, null, HTML),
                e("GET", "/api/docs/openapi.json", "Docs", "openapi", "This document, as the caller may use the API.",
                        GUEST, null, ANY),
                e("GET", "/api/docs", "Docs", "swaggerUi", "Swagger UI.", GUEST, null, HTML),
                e("GET", "/api/redoc", "Docs", "redoc", "ReDoc.", GUEST, null, HTML),
                new Endpoint("GET", "/api/collections", "Collections", "listCollections", "List collections.",
                        SUPERUSER, LIST, null, PAGE),
                e("POST", "/api/collections", "Collections", "createCollection", "Create a collection.", SUPERUSER,
                        ANY, ANY),
                e("GET", "/api/collections/{collectionIdOrName}", "Collections", "viewCollection",
                        "View a collection.", SUPERUSER, null, ANY),
                e("PATCH", "/api/collections/{collectionIdOrName}", "Collections", "updateCollection",
                        "Update a collection.", SUPERUSER, ANY, ANY),
                e("DELETE", "/api/collections/{collectionIdOrName}", "Collections", "deleteCollection",
                        "Delete a collection and its records.", SUPERUSER, null, null),
                e("DELETE", "/api/collections/{collectionIdOrName}/truncate", "Collections", "truncateCollection",
                        "Delete every record of a collection.", SUPERUSER, null, null),
                e("PUT", "/api/collections/import", "Collections", "importCollections", "Create or replace "
                        + "collections (deleteMissing drops the others).", SUPERUSER, Json.object(obj(
                                "collections", ARRAY, "deleteMissing", obj("type", "boolean")),
                                List.of("collections")), null),
                e("GET", "/api/collections/meta/scaffolds", "Collections", "collectionScaffolds",
                        "The default definition of each collection type.", SUPERUSER, null, ANY),
                e("POST", "/api/collections/meta/dry-run-view", "Collections", "dryRunView", "Basalt: the fields a "
                        + "view query would give.", SUPERUSER, ANY, ANY),
                e("GET", "/api/collections/meta/oauth2-providers", "Collections", "oauth2Providers",
                        "Every OAuth2 provider Basalt knows.", SUPERUSER, null, ARRAY),
                e("GET", "/api/settings", "Settings", "getSettings", "The settings (secrets masked).", SUPERUSER,
                        null, ANY),
                e("PATCH", "/api/settings", "Settings", "updateSettings", "Change settings.", SUPERUSER, ANY, ANY),
                e("POST", "/api/settings/test/s3", "Settings", "testS3", "Try the S3 settings.", SUPERUSER, ANY,
                        null),
                e("POST", "/api/settings/test/email", "Settings", "testEmail", "Send a test mail.", SUPERUSER, ANY,
                        null),
                e("POST", "/api/settings/apple/generate-client-secret", "Settings", "appleClientSecret",
                        "Make a Sign in with Apple client secret.", SUPERUSER, ANY, ANY),
                new Endpoint("GET", "/api/logs", "Logs", "listLogs", "List request and application logs.",
                        SUPERUSER, LIST, null, PAGE),
                new Endpoint("GET", "/api/logs/stats", "Logs", "logStats", "Log counts per hour.", SUPERUSER,
                        List.of("filter"), null, ARRAY),
                e("GET", "/api/logs/{id}", "Logs", "viewLog", "View a log entry.", SUPERUSER, null, ANY),
                e("GET", "/api/crons", "Crons", "listCrons", "List the cron jobs.", SUPERUSER, null, ARRAY),
                e("POST", "/api/crons/{jobId}", "Crons", "runCron", "Run a cron job now.", SUPERUSER, null, null),
                e("GET", "/api/backups", "Backups", "listBackups", "List backups.", SUPERUSER, null, ARRAY),
                e("POST", "/api/backups", "Backups", "createBackup", "Start a backup.", SUPERUSER,
                        Json.object(obj("name", string(null)), List.of()), null),
                e("POST", "/api/backups/upload", "Backups", "uploadBackup", "Upload a backup (multipart, file).",
                        SUPERUSER, null, null),
                new Endpoint("GET", "/api/backups/{key}", "Backups", "downloadBackup", "Download a backup "
                        + "(?token= a superuser's file token).", GUEST, NONE, null, FILE),
                e("DELETE", "/api/backups/{key}", "Backups", "deleteBackup", "Delete a backup.", SUPERUSER, null,
                        null),
                e("POST", "/api/backups/{key}/restore", "Backups", "restoreBackup", "Restore a backup (the "
                        + "server restarts).", SUPERUSER, null, null),
                new Endpoint("GET", "/api/api-keys", "API keys", "listApiKeys", "Basalt: list API keys.", SUPERUSER,
                        NONE, null, ARRAY),
                e("POST", "/api/api-keys", "API keys", "createApiKey", "Basalt: create an API key (shown once).",
                        SUPERUSER, Json.object(obj("name", string(null), "scopes", obj("type", "array", "items",
                                obj("type", "string")), "expires", string(null), "collection", string(null),
                                "recordId", string(null)), List.of("name", "scopes")), ANY),
                e("DELETE", "/api/api-keys/{id}", "API keys", "revokeApiKey", "Basalt: revoke an API key.", SUPERUSER,
                        null, null));
    }

    private static Endpoint e(String method, String path, String tag, String id, String summary, Audience minimum,
                              Map<String, Object> body, Map<String, Object> response) {
        return new Endpoint(method, path, tag, id, summary, minimum, NONE, body, response);
    }
}
