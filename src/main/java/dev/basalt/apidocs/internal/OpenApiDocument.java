package dev.basalt.apidocs.internal;

import static dev.basalt.apidocs.internal.Json.obj;
import static dev.basalt.apidocs.internal.Json.schemaRef;
import static dev.basalt.apidocs.internal.Json.string;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the OpenAPI 3.1 document of these collections for an audience: records and auth paths per collection
 * it could reach, the catalogue's endpoints the server routes, and for superusers every other routed API path.
 */
final class OpenApiDocument {
    static final String VERSION = "3.1.1";

    private OpenApiDocument() {
    }

    /** The document, as ordered maps ready to be written as JSON. */
    static Map<String, Object> build(List<Collection> collections, Audience audience, RouteIndex routes,
                                     String apiVersion) {
        FieldSchemas fields = new FieldSchemas(CollectionSchemas.finder(collections));
        RecordDocs records = new RecordDocs(fields);
        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("Error", errorSchema());
        List<Map<String, Object>> tags = new ArrayList<>();
        for (Collection c : collections) {
            boolean auth = c.isAuth();
            boolean reachable = RecordPaths.reachable(c, audience);
            if (!auth && !reachable) {
                continue;
            }
            records.addSchemas(c, audience, schemas);
            if (reachable) {
                RecordPaths.add(c, audience, paths);
                tags.add(obj("name", c.name(), "description", c.type() + " collection"
                        + (c.system() ? " (system)" : "")));
            }
            if (auth) {
                AuthPaths.add(c, audience, paths, schemas);
                tags.add(obj("name", c.name() + " (auth)", "description", "Sign-in and account of " + c.name()));
            }
        }
        for (Endpoint e : Catalogue.endpoints()) {
            if (audience.ordinal() >= e.minimum().ordinal() && routes.routes(e.method(), e.path())) {
                put(paths, e.path(), e.method(), e.operation());
            }
        }
        if (audience == Audience.SUPERUSER) {
            for (RouteIndex.Route route : routes.routes()) {
                if (!documented(paths, route)) {
                    Endpoint e = Endpoint.undocumented(route.method(), route.pattern().getPatternString());
                    put(paths, e.path(), e.method(), e.operation());
                }
            }
        }
        return obj("openapi", VERSION,
                "info", obj("title", "Basalt API", "version", apiVersion, "description", description(audience)),
                "servers", List.of(obj("url", "/")),
                "tags", tags,
                "paths", paths,
                "components", obj("schemas", schemas, "parameters", Parameters.all(),
                        "responses", errorResponses(), "securitySchemes", Security.schemes()));
    }

    /** True when some documented path with this method matches the route's pattern. */
    @SuppressWarnings("unchecked")
    static boolean documented(Map<String, Object> paths, RouteIndex.Route route) {
        String method = route.method().toLowerCase();
        return paths.entrySet().stream().anyMatch(p -> ((Map<String, Object>) p.getValue()).containsKey(method)
                && route.matches(route.method(), p.getKey()));
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> paths, String path, String method, Map<String, Object> op) {
        ((Map<String, Object>) paths.computeIfAbsent(path, p -> new LinkedHashMap<>())).put(method.toLowerCase(), op);
    }

    private static String description(Audience audience) {
        String who = switch (audience) {
            case GUEST -> "a guest (no token): only what the collection rules could let a guest reach";
            case USER -> "a signed-in user: what the collection rules could let a signed-in record reach";
            case SUPERUSER -> "a superuser: every collection and the admin API";
        };
        return "Basalt's PocketBase-compatible REST API, generated from the live collections for " + who + ". "
                + "Errors have PocketBase's shape {status, message, data}. Send a token (Authorization) to see more.";
    }

    private static Map<String, Object> errorSchema() {
        return Json.object(obj(
                "status", obj("type", "integer", "examples", List.of(400)),
                "message", string("What went wrong, for people."),
                "data", obj("type", "object", "description", "Per field: {code, message}.",
                        "additionalProperties", Json.object(obj("code", string(null), "message", string(null)),
                                List.of("code", "message")))),
                List.of("status", "message", "data"));
    }

    private static Map<String, Object> errorResponses() {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("BadRequest", Json.jsonResponse("Invalid input (data names the fields).", schemaRef("Error")));
        responses.put("Unauthorized", Json.jsonResponse("No valid token.", schemaRef("Error")));
        responses.put("Forbidden", Json.jsonResponse("Not allowed for this caller.", schemaRef("Error")));
        responses.put("NotFound", Json.jsonResponse("Not found (or not visible to this caller).", schemaRef("Error")));
        return responses;
    }
}
