package dev.basalt.apidocs.internal;

import static dev.basalt.apidocs.internal.Json.obj;
import static dev.basalt.apidocs.internal.Json.schemaRef;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.AutodateField;
import dev.basalt.collections.fields.BoolField;
import dev.basalt.collections.fields.DateField;
import dev.basalt.collections.fields.EditorField;
import dev.basalt.collections.fields.EmailField;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.FileField;
import dev.basalt.collections.fields.GeoPointField;
import dev.basalt.collections.fields.JsonField;
import dev.basalt.collections.fields.NumberField;
import dev.basalt.collections.fields.PasswordField;
import dev.basalt.collections.fields.RelationField;
import dev.basalt.collections.fields.SelectField;
import dev.basalt.collections.fields.TextField;
import dev.basalt.collections.fields.UrlField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas of one collection's records: {@code <name>} as records print it (hidden fields only for superusers,
 * passwords and the token key never), {@code <name>Create} and {@code <name>Update} as clients send them, and the
 * list page {@code <name>List}.
 */
final class RecordDocs {
    private static final String TOKEN_KEY = "tokenKey";
    private static final String EMAIL = "email";

    private final FieldSchemas fields;

    RecordDocs(FieldSchemas fields) {
        this.fields = fields;
    }

    /** Adds the collection's schemas to {@code schemas}. */
    void addSchemas(Collection c, Audience audience, Map<String, Object> schemas) {
        schemas.put(name(c), record(c, audience));
        schemas.put(name(c) + "List", list(c));
        if (!c.isView()) {
            schemas.put(name(c) + "Create", body(c, audience, true, false));
            schemas.put(name(c) + "Update", body(c, audience, false, false));
            if (hasFiles(c)) {
                schemas.put(name(c) + "CreateForm", body(c, audience, true, true));
                schemas.put(name(c) + "UpdateForm", body(c, audience, false, true));
            }
        }
    }

    /** The component name of the collection's record schema. */
    static String name(Collection c) {
        return c.name();
    }

    static boolean hasFiles(Collection c) {
        return c.fields().stream().anyMatch(f -> f instanceof FileField);
    }

    private Map<String, Object> record(Collection c, Audience audience) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        props.put("collectionId", obj("type", "string", "const", c.id()));
        props.put("collectionName", obj("type", "string", "const", c.name()));
        required.add("collectionId");
        required.add("collectionName");
        for (Field f : c.fields()) {
            if (shown(c, f, audience)) {
                props.put(f.name(), fields.output(f));
                // an auth record's email is left out for callers who may not see it (emailVisibility false)
                if (!(c.isAuth() && f.system() && f.name().equals(EMAIL))) {
                    required.add(f.name());
                }
            }
        }
        props.put("expand", obj("type", "object", "description",
                "Related records asked for with ?expand=, by relation field (or back-relation "
                        + "<collection>_via_<field>).",
                "additionalProperties", true));
        return Json.object(props, required);
    }

    private static Map<String, Object> list(Collection c) {
        return Json.object(obj(
                "page", obj("type", "integer"),
                "perPage", obj("type", "integer"),
                "totalItems", obj("type", "integer", "description", "-1 with skipTotal"),
                "totalPages", obj("type", "integer", "description", "-1 with skipTotal"),
                "items", obj("type", "array", "items", schemaRef(name(c)))),
                List.of("page", "perPage", "totalItems", "totalPages", "items"));
    }

    private Map<String, Object> body(Collection c, Audience audience, boolean create, boolean multipart) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Field f : c.fields()) {
            if (f instanceof AutodateField || isTokenKey(c, f) || (f.hidden() && audience != Audience.SUPERUSER
                    && !(f instanceof PasswordField))) {
                continue;
            }
            props.put(f.name(), fields.input(f, multipart));
            if (create && requiredOnCreate(c, f)) {
                required.add(f.name());
            }
        }
        if (c.isAuth()) {
            props.put("passwordConfirm", obj("type", "string", "writeOnly", true,
                    "description", "The same as password (required with it)."));
            if (create) {
                required.add("passwordConfirm");
            } else {
                props.put("oldPassword", obj("type", "string", "writeOnly", true,
                        "description", "The current password, required to change it unless the caller manages "
                                + "the record."));
            }
        }
        return obj("type", "object", "properties", props, "required", required.isEmpty() ? null : required,
                "description", create ? null : "Only the fields to change. Number fields also accept <field>+ and "
                        + "<field>- (add, subtract); multiple relation, select and file fields <field>+ and <field>-.");
    }

    private static boolean requiredOnCreate(Collection c, Field f) {
        boolean required = switch (f) {
            case TextField t -> t.required() && !t.primaryKey()
                    && (t.autogeneratePattern() == null || t.autogeneratePattern().isBlank());
            case PasswordField p -> p.required() || c.isAuth();
            default -> isRequired(f);
        };
        return required && !(f instanceof BoolField);
    }

    private static boolean isRequired(Field f) {
        return switch (f) {
            case NumberField n -> n.required();
            case EmailField e -> e.required();
            case UrlField u -> u.required();
            case DateField d -> d.required();
            case SelectField s -> s.required();
            case JsonField j -> j.required();
            case RelationField r -> r.required();
            case FileField file -> file.required();
            case EditorField e -> e.required();
            case GeoPointField g -> g.required();
            default -> false;
        };
    }

    private static boolean shown(Collection c, Field f, Audience audience) {
        return !(f instanceof PasswordField) && !isTokenKey(c, f) && (!f.hidden() || audience == Audience.SUPERUSER);
    }

    private static boolean isTokenKey(Collection c, Field f) {
        return c.isAuth() && f.system() && f.name().equals(TOKEN_KEY);
    }
}
