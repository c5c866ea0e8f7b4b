package dev.basalt.collections.fields;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.basalt.query.ColumnKind;
import dev.basalt.shared.FieldError;
import dev.basalt.shared.ValidationErrors;
import java.nio.charset.StandardCharsets;
import org.jooq.DataType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Rich text (HTML, a text column, '' when empty), sanitised when written (see {@link EditorHtml}): scripts, event
 * handlers and {@code javascript:} URLs never reach the database. {@code maxSize} limits the submitted HTML in bytes
 * (0 = {@link #DEFAULT_MAX_SIZE}); {@code convertURLs} is only an option of the dashboard's editor (whether it
 * rewrites URLs relative to the site) and is stored as given.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EditorField(String id, String name, String type, boolean system, boolean hidden, boolean presentable,
                          boolean required, long maxSize, boolean convertURLs) implements Field {
    /** The size limit of a value when {@code maxSize} is 0 (as PocketBase): 5 MiB. */
    public static final long DEFAULT_MAX_SIZE = 5L << 20;
    /** The largest {@code maxSize} (as PocketBase: 2^53-1). */
    public static final long MAX_MAX_SIZE = (1L << 53) - 1;

    public EditorField {
        type = "editor";
    }

    @Override
    public Field withId(String newId) {
        return new EditorField(newId, name, type, system, hidden, presentable, required, maxSize, convertURLs);
    }

    /** The size limit in bytes ({@link #DEFAULT_MAX_SIZE} when {@code maxSize} is 0). */
    public long sizeLimit() {
        return maxSize <= 0 ? DEFAULT_MAX_SIZE : maxSize;
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

    /** Checks the submitted size first (so oversized input is never parsed), then sanitises. */
    @Override
    public Object accept(Object input, Object current) {
        String html = Casts.text(input);
        long limit = sizeLimit();
        if (html.length() > limit || html.getBytes(StandardCharsets.UTF_8).length > limit) {
            throw new FieldValueException("validation_content_size_limit",
                    "The maximum allowed content size is " + limit + " bytes.");
        }
        return EditorHtml.sanitize(html);
    }

    @Override
    public FieldError check(Object value) {
        String html = (String) value;
        if (html.isEmpty()) {
            return required ? FieldError.required() : null;
        }
        return null;
    }

    @Override
    public Object toJson(Object stored) {
        return stored == null ? "" : stored;
    }

    @Override
    public void validateOptions(String prefix, ValidationErrors errors) {
        if (maxSize < 0 || maxSize > MAX_MAX_SIZE) {
            errors.add(prefix + ".maxSize", "validation_invalid_range", "Must be between 0 and " + MAX_MAX_SIZE + ".");
        }
    }
}
