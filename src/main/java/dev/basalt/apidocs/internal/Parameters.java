package dev.basalt.apidocs.internal;

import static dev.basalt.apidocs.internal.Json.obj;

import dev.basalt.query.QueryLimits;
import java.util.Map;

/** The query parameters of list and view requests, with examples in PocketBase's filter language. */
final class Parameters {

    private Parameters() {
    }

    static Map<String, Object> all() {
        return obj(
                "page", query("page", obj("type", "integer", "minimum", 1, "default", 1), "The page (from 1).", null),
                "perPage", query("perPage", obj("type", "integer", "minimum", 1, "maximum", QueryLimits.MAX_PER_PAGE,
                        "default", QueryLimits.DEFAULT_PER_PAGE), "Records per page.", null),
                "sort", query("sort", obj("type", "string"), "Comma-separated fields, - for descending; @random.",
                        obj("newest", example("Newest first, then by id", "-created,id"),
                                "random", example("Random order", "@random"))),
                "filter", query("filter", obj("type", "string"), "A PocketBase filter: operators = != > >= < <= "
                                + "~ (contains) !~, and ?= ?~ ... for any item of a multiple value; && || and "
                                + "parentheses; @request.auth.*, @now, @collection.<name>.<field>; field modifiers "
                                + ":length :each :lower.",
                        obj("text", example("Contains a word, after a date",
                                        "title ~ 'basalt' && created > '2026-01-01 00:00:00'"),
                                "relation", example("Through a relation", "author.name = 'Ann'"),
                                "any", example("Any of a multiple select", "tags ?= 'tech'"),
                                "mine", example("Records of the signed-in user", "owner = @request.auth.id"))),
                "expand", query("expand", obj("type", "string"), "Relations to expand (nested with dots, up to 6 "
                                + "levels; back-relations as <collection>_via_<field>).",
                        obj("nested", example("A relation and a back-relation", "author,comments_via_post.author"))),
                "fields", query("fields", obj("type", "string"), "Only these keys of the JSON answer (* for all at "
                                + "a level; :excerpt(max, withEllipsis) for text).",
                        obj("some", example("Some keys and an excerpt",
                                "id,title,body:excerpt(200,true),expand.author.name"))),
                "skipTotal", query("skipTotal", obj("type", "boolean"), "Skip counting: totalItems and totalPages "
                        + "are -1 (faster).", null));
    }

    private static Map<String, Object> query(String name, Map<String, Object> schema, String description,
                                             Map<String, Object> examples) {
        return obj("name", name, "in", "query", "required", false, "description", description, "schema", schema,
                "examples", examples);
    }

    private static Map<String, Object> example(String summary, String value) {
        return obj("summary", summary, "value", value);
    }
}
