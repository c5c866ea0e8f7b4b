package dev.basalt.collections.fields;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.basalt.query.ColumnKind;
import dev.basalt.shared.FieldError;
import dev.basalt.shared.ValidationErrors;
import java.util.List;
import java.util.regex.Pattern;
import org.jooq.DataType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Uploaded files: the stored value is the generated file name (maxSelect up to 1, a text column) or names (a
 * text[] column). The files module turns uploads into names, checks {@code maxSize} and {@code mimeTypes} and
 * stores the content; this record knows the options and checks the count. {@code thumbs} lists the thumbnail
 * sizes that may be generated ({@code WxH}, {@code WxHt}, {@code WxHb}, {@code WxHf}, {@code 0xH},
 * {@code Wx0}); {@code protected} files need a file token to be downloaded.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileField(String id, String name, String type, boolean system, boolean hidden, boolean presentable,
                        boolean required, long maxSize, int maxSelect, List<String> mimeTypes, List<String> thumbs,
                        @JsonProperty("protected") boolean protectedFiles) implements Field {
    /** The size limit of one file when {@code maxSize} is 0 (as PocketBase): 5 MiB. */
    public static final long DEFAULT_MAX_SIZE = 5L << 20;
    /** The largest {@code maxSize} (as PocketBase: 2^53-1, JavaScript's largest safe integer). */
    public static final long MAX_MAX_SIZE = (1L << 53) - 1;
    /** A thumbnail size: width x height, with an optional crop anchor ({@code t}op, {@code b}ottom) or {@code f}it. */
    public static final Pattern THUMB_SIZE = Pattern.compile("^(\\d{1,5})x(\\d{1,5})([tbf])?$");
    /** The largest thumbnail width or height, so that a size cannot ask for an image that exhausts memory. */
    public static final int MAX_THUMB_DIMENSION = 4096;

    public FileField {
        type = "file";
        mimeTypes = mimeTypes == null ? List.of() : List.copyOf(mimeTypes);
        thumbs = thumbs == null ? List.of() : List.copyOf(thumbs);
    }

    @Override
    public Field withId(String newId) {
        return new FileField(newId, name, type, system, hidden, presentable, required, maxSize, maxSelect, mimeTypes,
                thumbs, protectedFiles);
    }

    /** True when the field holds several files. */
    public boolean multiple() {
        return maxSelect > 1;
    }

    /** The size limit of one file in bytes ({@link #DEFAULT_MAX_SIZE} when {@code maxSize} is 0). */
    public long sizeLimit() {
        return maxSize <= 0 ? DEFAULT_MAX_SIZE : maxSize;
    }

    /** Appends, prepends or removes {@link Modifier#onList names}. */
    @Override
    public Object modify(Modifier modifier, Object input, Object current) {
        return modifier.onList(input, current, kind() == ColumnKind.TEXT_ARRAY);
    }

    @Override
    public ColumnKind kind() {
        return multiple() ? ColumnKind.TEXT_ARRAY : ColumnKind.TEXT;
    }

    @Override
    public DataType<?> columnType() {
        if (multiple()) {
            return SQLDataType.CLOB.array().nullable(false).defaultValue(DSL.field("'{}'::text[]", String[].class));
        }
        return SQLDataType.CLOB.nullable(false).defaultValue(DSL.inline(""));
    }

    @Override
    public Object zeroValue() {
        return multiple() ? new String[0] : "";
    }

    /** Keeps unique non-blank names; a single file field keeps the last one given (as PocketBase). */
    @Override
    public Object accept(Object input, Object current) {
        List<String> names = Casts.uniqueStrings(input);
        if (!multiple()) {
            return names.isEmpty() ? "" : names.getLast();
        }
        return names.toArray(String[]::new);
    }

    /** The file names of a stored or accepted value. */
    public static List<String> names(Object value) {
        if (value instanceof String[] arr) {
            return List.of(arr);
        }
        return value instanceof String s && !s.isEmpty() ? List.of(s) : List.of();
    }

    @Override
    public FieldError check(Object value) {
        List<String> names = names(value);
        if (names.isEmpty()) {
            return required ? FieldError.required() : null;
        }
        int most = Math.max(maxSelect, 1);
        if (names.size() > most) {
            return new FieldError("validation_too_many_values", "Select no more than " + most + ".");
        }
        return null;
    }

    @Override
    public Object toJson(Object stored) {
        if (multiple()) {
            return stored instanceof String[] arr ? List.of(arr) : List.of();
        }
        return stored == null ? "" : stored;
    }

    @Override
    public void validateOptions(String prefix, ValidationErrors errors) {
        if (maxSize < 0 || maxSize > MAX_MAX_SIZE) {
            errors.add(prefix + ".maxSize", "validation_invalid_range", "Must be between 0 and " + MAX_MAX_SIZE + ".");
        }
        if (maxSelect < 0) {
            errors.add(prefix + ".maxSelect", "validation_min_greater_equal_than_required", "Must be no less than 0.");
        }
        for (int i = 0; i < thumbs.size(); i++) {
            String thumb = thumbs.get(i);
            var m = thumb == null ? null : THUMB_SIZE.matcher(thumb);
            if (m == null || !m.matches()) {
                errors.add(prefix + ".thumbs." + i, "validation_match_invalid", "Must be in a valid format.");
            } else if (Integer.parseInt(m.group(1)) == 0 && Integer.parseInt(m.group(2)) == 0) {
                errors.add(prefix + ".thumbs." + i, "validation_not_in_invalid", "Must not be 0x0.");
            } else if (Integer.parseInt(m.group(1)) > MAX_THUMB_DIMENSION
                    || Integer.parseInt(m.group(2)) > MAX_THUMB_DIMENSION) {
                errors.add(prefix + ".thumbs." + i, "validation_invalid_range",
                        "Width and height must not exceed " + MAX_THUMB_DIMENSION + ".");
            }
        }
        for (int i = 0; i < mimeTypes.size(); i++) {
            String mime = mimeTypes.get(i);
            if (mime == null || mime.isBlank() || !mime.contains("/")) {
                errors.add(prefix + ".mimeTypes." + i, "validation_invalid_mime_type", "Must be a MIME type.");
            }
        }
    }
}
