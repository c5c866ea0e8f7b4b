package dev.basalt.collections.fields;

import dev.basalt.query.ColumnKind;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.basalt.shared.FieldError;
import dev.basalt.shared.ValidationErrors;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jooq.DataType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Plain text, with length limits, a pattern and an optional value generated on create. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TextField(String id, String name, String type, boolean system, boolean hidden, boolean presentable,
                        boolean required, int min, int max, String pattern, String autogeneratePattern,
                        boolean primaryKey) implements Field {
    /** The longest text a field takes when its max is 0. */
    public static final int DEFAULT_MAX_LENGTH = 5000;

    public TextField {
        type = "text";
        pattern = pattern == null ? "" : pattern;
        autogeneratePattern = autogeneratePattern == null ? "" : autogeneratePattern;
    }

    /** The {@code id} field every collection has. */
    public static TextField idField() {
        return new TextField("text3208210256", "id", "text", true, false, false, true, 15, 15,
                "^[a-z0-9]+$", "[a-z0-9]{15}", true);
    }

    @Override
    public Field withId(String newId) {
        return new TextField(newId, name, type, system, hidden, presentable, required, min, max, pattern,
                autogeneratePattern, primaryKey);
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.TEXT;
    }

    @Override
    public DataType<?> columnType() {
        if (primaryKey) {
            return SQLDataType.CLOB.nullable(false);
        }
        return SQLDataType.CLOB.nullable(false).defaultValue(DSL.inline(""));
    }

    @Override
    public Object zeroValue() {
        return "";
    }

    @Override
    public Object accept(Object input, Object current) {
        return Casts.text(input);
    }

    /** Generates a value from {@link #autogeneratePattern()}, or returns "" when it has none. */
    public String generate() {
        return autogeneratePattern.isEmpty() ? "" : PatternGenerator.generate(autogeneratePattern);
    }

    @Override
    public FieldError check(Object value) {
        String s = (String) value;
        if (s.isEmpty()) {
            return required ? FieldError.required() : null;
        }
        int length = s.codePointCount(0, s.length());
        if (min > 0 && length < min) {
            return new FieldError("validation_min_text_constraint", "Must be at least " + min + " character(s).");
        }
        int limit = max > 0 ? max : DEFAULT_MAX_LENGTH;
        if (length > limit) {
            return new FieldError("validation_max_text_constraint", "Must be less than " + limit + " character(s).");
        }
        if (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(s).find()) {
            return new FieldError("validation_invalid_format", "Invalid value format.");
        }
        return null;
    }

    @Override
    public Object toJson(Object stored) {
        return stored == null ? "" : stored;
    }

    @Override
    public void validateOptions(String prefix, ValidationErrors errors) {
        if (min < 0 || max < 0 || (max > 0 && min > max)) {
            errors.add(prefix + ".min", "validation_invalid_range", "min must be between 0 and max.");
        }
        if (!pattern.isEmpty()) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                errors.add(prefix + ".pattern", "validation_invalid_regex", "Invalid regular expression.");
            }
        }
        if (!autogeneratePattern.isEmpty() && !PatternGenerator.supports(autogeneratePattern)) {
            errors.add(prefix + ".autogeneratePattern", "validation_invalid_regex",
                    "Supported: literal characters and [classes] with {n} or {n,m} repeats.");
        }
    }
}
