package dev.basalt.collections.fields;

import dev.basalt.query.ColumnKind;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.basalt.shared.FieldError;
import dev.basalt.shared.ValidationErrors;
import java.util.List;
import java.util.regex.Pattern;
import org.jooq.DataType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** An email address, optionally limited to or excluding domains. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmailField(String id, String name, String type, boolean system, boolean hidden, boolean presentable,
                         boolean required, List<String> onlyDomains, List<String> exceptDomains) implements Field {
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    public EmailField {
        type = "email";
    }

    @Override
    public Field withId(String newId) {
        return new EmailField(newId, name, type, system, hidden, presentable, required, onlyDomains, exceptDomains);
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
        if (s.length() > 255 || !EMAIL.matcher(s).matches()) {
            return new FieldError("validation_is_email", "Must be a valid email address.");
        }
        return Domains.check(s.substring(s.lastIndexOf('@') + 1), onlyDomains, exceptDomains, Domains.EMAIL_REFUSED);
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
