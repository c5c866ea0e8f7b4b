package dev.basalt.collections.fields;

import dev.basalt.query.ColumnKind;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.basalt.shared.FieldError;
import dev.basalt.shared.ValidationErrors;
import java.util.regex.Pattern;
import org.jooq.DataType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** A password: checked in plain text, stored as a bcrypt hash, never printed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PasswordField(String id, String name, String type, boolean system, boolean hidden, boolean presentable,
                            boolean required, int min, int max, String pattern, int cost) implements Field {
    /** bcrypt cost when none is set. */
    public static final int DEFAULT_COST = 10;
    /** bcrypt uses at most 72 bytes; longer passwords are refused. */
    public static final int MAX_LENGTH = 71;

    public PasswordField {
        type = "password";
        hidden = true;
        pattern = pattern == null ? "" : pattern;
    }

    @Override
    public Field withId(String newId) {
        return new PasswordField(newId, name, type, system, hidden, presentable, required, min, max, pattern, cost);
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
        return Casts.text(input);
    }

    @Override
    public FieldError check(Object value) {
        String s = (String) value;
        if (s.isEmpty()) {
            return required ? FieldError.required() : null;
        }
        if (min > 0 && s.length() < min) {
            return new FieldError("validation_min_text_constraint", "Must be at least " + min + " character(s).");
        }
        int limit = max > 0 ? Math.min(max, MAX_LENGTH) : MAX_LENGTH;
        if (s.length() > limit) {
            return new FieldError("validation_max_text_constraint", "Must be less than " + limit + " character(s).");
        }
        if (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(s).find()) {
            return new FieldError("validation_invalid_format", "Invalid value format.");
        }
        return null;
    }

    @Override
    public Object store(Object checked) {
        String s = (String) checked;
        return s.isEmpty() ? "" : BCrypt.hashpw(s, BCrypt.gensalt(cost >= 4 && cost <= 31 ? cost : DEFAULT_COST));
    }

    /** True when the plain password matches the stored hash. */
    public static boolean matches(String plain, String hash) {
        return hash != null && !hash.isEmpty() && plain != null && BCrypt.checkpw(plain, hash);
    }

    @Override
    public Object toJson(Object stored) {
        return null;
    }

    @Override
    public void validateOptions(String prefix, ValidationErrors errors) {
        if (cost != 0 && (cost < 4 || cost > 31)) {
            errors.add(prefix + ".cost", "validation_invalid_range", "cost must be between 4 and 31.");
        }
        if (min < 0 || min > MAX_LENGTH || max < 0 || max > MAX_LENGTH || (max > 0 && min > max)) {
            errors.add(prefix + ".min", "validation_invalid_range",
                    "min and max must be between 0 and " + MAX_LENGTH + ", min not above max.");
        }
        if (!pattern.isEmpty()) {
            try {
                Pattern.compile(pattern);
            } catch (java.util.regex.PatternSyntaxException e) {
                errors.add(prefix + ".pattern", "validation_invalid_regex", "Invalid regular expression.");
            }
        }
    }
}
