package dev.basalt.apidocs.internal;

import static dev.basalt.apidocs.internal.Json.obj;
import static dev.basalt.apidocs.internal.Json.ref;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint that does not depend on a collection's schema (realtime, batch, files, health and the admin API):
 * documented only for audiences from {@code minimum} up, and only when the server routes it.
 *
 * @param body     the JSON request body's schema, or null for none
 * @param response the 200 answer's JSON schema, or null for 204
 */
record Endpoint(String method, String path, String tag, String operationId, String summary, Audience minimum,
                List<String> query, Map<String, Object> body, Map<String, Object> response) {
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** The OpenAPI operation. */
    Map<String, Object> operation() {
        Map<String, Object> responses = new LinkedHashMap<>();
        if (response == null) {
            responses.put("204", obj("description", "Done (no content)."));
        } else if (response.containsKey("description") && response.containsKey("content")) {
            responses.put("200", response);
        } else {
            responses.put("200", Json.jsonResponse("OK", response));
        }
        responses.put("400", ref("responses", "BadRequest"));
        if (minimum != Audience.GUEST) {
            responses.put("401", ref("responses", "Unauthorized"));
            responses.put("403", ref("responses", "Forbidden"));
        }
        List<Object> params = new ArrayList<>();
        Matcher m = VARIABLE.matcher(path);
        while (m.find()) {
            params.add(obj("name", m.group(1), "in", "path", "required", true, "schema", obj("type", "string")));
        }
        for (String q : query) {
            params.add(ref("parameters", q));
        }
        return obj("tags", List.of(tag), "operationId", operationId, "summary", summary,
                "parameters", params.isEmpty() ? null : params,
                "requestBody", body == null ? null : Json.jsonBody(body, true), "responses", responses,
                "security", minimum == Audience.GUEST ? Security.PUBLIC : Security.SIGNED_IN);
    }

    /** An endpoint routed but not in the catalogue: documented for superusers by its method and path alone. */
    static Endpoint undocumented(String method, String path) {
        String id = method.toLowerCase() + path.replaceAll("[^A-Za-z0-9]+", "_");
        return new Endpoint(method, path, "Other", id, method + " " + path + " (no description yet).",
                Audience.SUPERUSER, List.of(), null, obj("description", "OK", "content",
                obj("application/json", obj("schema", obj()))));
    }
}
