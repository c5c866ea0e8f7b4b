package dev.basalt.apidocs.internal;

import static dev.basalt.apidocs.internal.Json.obj;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON schema of one field's value, from its type and options: as records print it ({@code output}) or as a
 * client sends it ({@code input}, where files are uploads). Zero values ({@code ""}, {@code 0}) are always valid,
 * as PocketBase prints them for unset fields, so minimums describe set values.
 */
final class FieldSchemas {
    private static final String DATE_FORMAT =
            "A date as PocketBase prints it: YYYY-MM-DD HH:MM:SS.sssZ (UTC), or \"\".";
    private static final String DATE_EXAMPLE = "2026-01-31 12:00:00.000Z";

    private final Function<String, Optional<Collection>> find;

    FieldSchemas(Function<String, Optional<Collection>> find) {
        this.find = find;
    }

    /** The schema of the field's value in a record response. */
    Map<String, Object> output(Field field) {
        return switch (field) {
            case FileField f -> many(f.maxSelect(), obj("type", "string",
                    "description", "File name; download it from /api/files/{collection}/{record}/{name}."
                            + (f.protectedFiles() ? " Protected: needs ?token= from /api/files/token." : "")));
            case AutodateField a -> obj("type", "string", "readOnly", true, "description",
                    "Set by the server" + (a.onCreate() ? " on create" : "") + (a.onUpdate() ? " and on update" : "")
                            + ". " + DATE_FORMAT, "examples", List.of(DATE_EXAMPLE));
            default -> value(field);
        };
    }

    /** The schema of the value a client sends; {@code multipart} for form uploads (files as binary parts). */
    Map<String, Object> input(Field field, boolean multipart) {
        return switch (field) {
            case FileField f -> many(f.maxSelect(), obj("type", "string", "format", multipart ? "binary" : null,
                    "contentMediaType", multipart && f.mimeTypes() != null && f.mimeTypes().size() == 1
                            ? f.mimeTypes().getFirst() : null,
                    "description", fileLimits(f)));
            case PasswordField p -> {
                Map<String, Object> schema = value(p);
                schema.put("writeOnly", true);
                yield schema;
            }
            default -> value(field);
        };
    }

    private Map<String, Object> value(Field field) {
        return switch (field) {
            case TextField t -> obj("type", "string", "minLength", t.min() > 0 && t.required() ? t.min() : null,
                    "maxLength", t.max() > 0 ? t.max() : null,
                    "pattern", t.required() ? blankToNull(t.pattern()) : null,
                    "description", t.primaryKey() ? "Record id (15 characters by default; generated when empty)."
                            : optionalLimits(t.required(), t.min() > 0 ? "at least " + t.min() + " characters" : null,
                            blankToNull(t.pattern()) == null ? null : "matching " + t.pattern()));
            case NumberField n -> obj("type", n.onlyInt() ? "integer" : "number",
                    "minimum", n.required() || n.min() == null || n.min() <= 0 ? n.min() : null,
                    "maximum", n.required() || n.max() == null || n.max() >= 0 ? n.max() : null,
                    "description", optionalLimits(n.required(), n.min() != null && n.min() > 0
                            ? "at least " + n.min() : null,
                            n.max() != null && n.max() < 0 ? "at most " + n.max() : null));
            case BoolField b -> obj("type", "boolean");
            case EmailField e -> obj("type", "string", "format", "email", "description", domains(e.onlyDomains(),
                    e.exceptDomains()));
            case UrlField u -> obj("type", "string", "format", "uri", "description", domains(u.onlyDomains(),
                    u.exceptDomains()));
            case DateField d -> obj("type", "string", "description", DATE_FORMAT + range(d.min(), d.max()),
                    "examples", List.of(DATE_EXAMPLE));
            case AutodateField a -> obj("type", "string", "readOnly", true);
            case SelectField s -> many(s.maxSelect(), obj("type", "string", "enum", s.values()));
            case JsonField j -> obj("description", "Any JSON value" + (j.maxSize() > 0
                    ? " of at most " + j.maxSize() + " bytes." : "."));
            case PasswordField p -> obj("type", "string", "minLength", p.min() > 0 ? p.min() : null,
                    "maxLength", p.max() > 0 ? p.max() : null, "pattern", blankToNull(p.pattern()));
            case RelationField r -> many(r.maxSelect(), obj("type", "string",
                    "description", "Id of a record of " + target(r) + "."), r.minSelect());
            case FileField f -> obj("type", "string");
            case EditorField e -> obj("type", "string", "description", "HTML (sanitized)" + (e.maxSize() > 0
                    ? ", at most " + e.maxSize() + " bytes." : "."));
            case GeoPointField g -> Json.object(obj("lon", obj("type", "number", "minimum", -180, "maximum", 180),
                    "lat", obj("type", "number", "minimum", -90, "maximum", 90)), List.of("lon", "lat"));
        };
    }

    private static Map<String, Object> many(int maxSelect, Map<String, Object> one) {
        return many(maxSelect, one, 0);
    }

    /** One value, or an array of them when the field holds several (maxSelect above 1). */
    private static Map<String, Object> many(int maxSelect, Map<String, Object> one, int minSelect) {
        if (maxSelect <= 1) {
            if (one.get("enum") instanceof List<?> values) {
                // an unset single select prints as ""
                List<Object> withEmpty = new ArrayList<>(values);
                withEmpty.add("");
                one.put("enum", withEmpty);
            }
            return one;
        }
        return obj("type", "array", "items", one, "minItems", minSelect > 0 ? minSelect : null,
                "maxItems", maxSelect, "uniqueItems", true);
    }

    private String target(RelationField r) {
        return find.apply(r.collectionId()).map(c -> "'" + c.name() + "'").orElse("collection " + r.collectionId());
    }

    private static String fileLimits(FileField f) {
        StringBuilder text = new StringBuilder("Upload");
        if (f.maxSize() > 0) {
            text.append(" of at most ").append(f.maxSize()).append(" bytes");
        }
        if (f.mimeTypes() != null && !f.mimeTypes().isEmpty()) {
            text.append(", of type ").append(String.join(", ", f.mimeTypes()));
        }
        text.append(f.maxSelect() > 1 ? "; up to " + f.maxSelect() + " files." : ".");
        return text.append(" Send files as multipart/form-data; in JSON only existing names (to keep or remove).")
                .toString();
    }

    private static String domains(List<String> only, List<String> except) {
        if (only != null && !only.isEmpty()) {
            return "Only the domains " + String.join(", ", only) + ".";
        }
        return except == null || except.isEmpty() ? null : "Not the domains " + String.join(", ", except) + ".";
    }

    private static String range(String min, String max) {
        String from = blankToNull(min);
        String to = blankToNull(max);
        return (from == null ? "" : " Not before " + from + ".") + (to == null ? "" : " Not after " + to + ".");
    }

    /**
     * The limits of an optional field that its zero value (printed for unset fields) would break: said in words,
     * since the schema must accept the zero value.
     */
    private static String optionalLimits(boolean required, String first, String second) {
        if (required || (first == null && second == null)) {
            return null;
        }
        String limits = first == null ? second : second == null ? first : first + ", " + second;
        return "When set: " + limits + ".";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
