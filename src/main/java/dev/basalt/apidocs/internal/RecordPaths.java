package dev.basalt.apidocs.internal;

import static dev.basalt.apidocs.internal.Json.obj;
import static dev.basalt.apidocs.internal.Json.ref;
import static dev.basalt.apidocs.internal.Json.schemaRef;

import dev.basalt.collections.Collection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The records CRUD paths of one collection, each operation only when the audience could pass its rule. */
final class RecordPaths {

    private RecordPaths() {
    }

    /** Adds {@code /api/collections/<name>/records} and {@code .../{id}} with the reachable operations. */
    static void add(Collection c, Audience audience, Map<String, Object> paths) {
        String base = "/api/collections/" + c.name() + "/records";
        Map<String, Object> list = new LinkedHashMap<>();
        Map<String, Object> one = new LinkedHashMap<>();
        if (audience.reaches(c.listRule())) {
            list.put("get", op(c, audience, "list", "List and search " + c.name() + " records.", c.listRule(),
                    params("page", "perPage", "sort", "filter", "expand", "fields", "skipTotal"), null,
                    Json.jsonResponse("A page of records.", schemaRef(RecordDocs.name(c) + "List"))));
        }
        if (!c.isView() && audience.reaches(c.createRule())) {
            list.put("post", op(c, audience, "create", "Create a " + c.name() + " record.", c.createRule(),
                    params("expand", "fields"), body(c, "Create"),
                    Json.jsonResponse("The created record.", schemaRef(RecordDocs.name(c)))));
        }
        if (audience.reaches(c.viewRule())) {
            one.put("get", op(c, audience, "view", "View one " + c.name() + " record.", c.viewRule(),
                    params("expand", "fields"), null,
                    Json.jsonResponse("The record.", schemaRef(RecordDocs.name(c)))));
        }
        if (!c.isView() && audience.reaches(c.updateRule())) {
            one.put("patch", op(c, audience, "update", "Update a " + c.name() + " record.", c.updateRule(),
                    params("expand", "fields"), body(c, "Update"),
                    Json.jsonResponse("The updated record.", schemaRef(RecordDocs.name(c)))));
        }
        if (!c.isView() && audience.reaches(c.deleteRule())) {
            one.put("delete", op(c, audience, "delete", "Delete a " + c.name() + " record.", c.deleteRule(),
                    List.of(), null, obj("description", "Deleted.")));
        }
        if (!list.isEmpty()) {
            paths.put(base, list);
        }
        if (!one.isEmpty()) {
            one.put("parameters", List.of(obj("name", "id", "in", "path", "required", true,
                    "schema", obj("type", "string"), "description", "The record id.")));
            paths.put(base + "/{id}", one);
        }
    }

    /** True when the audience could reach at least one records operation of the collection. */
    static boolean reachable(Collection c, Audience audience) {
        return audience.reaches(c.listRule()) || audience.reaches(c.viewRule())
                || (!c.isView() && (audience.reaches(c.createRule()) || audience.reaches(c.updateRule())
                || audience.reaches(c.deleteRule())));
    }

    /** The operation id of an action on the collection, e.g. {@code listPosts}. */
    static String operationId(String action, Collection c) {
        return action + Character.toUpperCase(c.name().charAt(0)) + c.name().substring(1);
    }

    private static Map<String, Object> op(Collection c, Audience audience, String action, String summary,
                                          String rule, List<Object> parameters, Map<String, Object> body,
                                          Map<String, Object> ok) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("delete".equals(action) ? "204" : "200", ok);
        responses.put("400", ref("responses", "BadRequest"));
        responses.put("403", ref("responses", "Forbidden"));
        if (!"list".equals(action) && !"create".equals(action)) {
            responses.put("404", ref("responses", "NotFound"));
        }
        return obj("tags", List.of(c.name()), "operationId", operationId(action, c), "summary", summary,
                "description", describe(rule, audience), "parameters", parameters.isEmpty() ? null : parameters,
                "requestBody", body, "responses", responses, "security", Security.forRule(rule));
    }

    private static String describe(String rule, Audience audience) {
        if (audience != Audience.SUPERUSER) {
            return null;
        }
        String text = rule == null ? "superusers only" : rule.isBlank() ? "everyone" : "`" + rule + "`";
        return "Rule: " + text + ".";
    }

    private static Map<String, Object> body(Collection c, String kind) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("application/json", obj("schema", schemaRef(RecordDocs.name(c) + kind)));
        content.put("multipart/form-data", obj("schema", schemaRef(RecordDocs.name(c)
                + (RecordDocs.hasFiles(c) ? kind + "Form" : kind))));
        return obj("required", true, "content", content);
    }

    private static List<Object> params(String... names) {
        List<Object> refs = new ArrayList<>();
        for (String n : names) {
            refs.add(ref("parameters", n));
        }
        return refs;
    }
}
