package dev.basalt.collections.fields;

import dev.basalt.query.ColumnKind;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.basalt.shared.FieldError;
import dev.basalt.shared.ValidationErrors;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.jooq.DataType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** An absolute http(s) URL, optionally limited to or excluding domains. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UrlField(String id, String name, String type, boolean system, boolean hidden, boolean presentable,
                       boolean required, List<String> onlyDomains, List<String> exceptDomains) implements Field {
    /** PocketBase's answer for text that is not an http(s) url with a host. */
    private static final FieldError INVALID = new FieldError("validation_invalid_url", "Must be a valid url.");

    public UrlField {
        type = "url";
    }

    @Override
    public Field withId(String newId) {
        return new UrlField(newId, name, type, system, hidden, presentable, required, onlyDomains, exceptDomains);
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.TEXT;
    }

    @Override
    public DataType<?> columnType() {
        return SQLDataType.CLOB.nullable(false).defaultValue(DSL.inline(""));
    }

    @Override
    public Object zeroValue() {
        return "";
    }

    @Override
    public Object accept(Object input, Object current) {
        return Casts.text(input).trim();
    }

    @Override
    public FieldError check(Object value) {
        String s = (String) value;
        if (s.isEmpty()) {
            return required ? FieldError.required() : null;
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            return INVALID;
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            return INVALID;
        }
        return Domains.check(uri.getHost(), onlyDomains, exceptDomains, Domains.URL_REFUSED);
    }

    @Override
    public Object toJson(Object stored) {
        return stored == null ? "" : stored;
    }

    @Override
    public void validateOptions(String prefix, ValidationErrors errors) {
        if (onlyDomains != null && !onlyDomains.isEmpty() && exceptDomains != null && !exceptDomains.isEmpty()) {
            errors.add(prefix + ".onlyDomains", "validation_conflict", "Use either onlyDomains or exceptDomains.");
        }
    }
}
