package dev.basalt.collections.fields;

import dev.basalt.query.ColumnKind;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.basalt.shared.ValidationErrors;
import org.jooq.DataType;

/**
 * A field of a collection: its PocketBase JSON definition, its column, and how it accepts, checks
 * and prints values. Stored Java values by {@link #kind()}: TEXT {@code String}, NUMBER {@code Double},
 * BOOL {@code Boolean}, DATE {@code OffsetDateTime} or null, JSON {@code org.jooq.JSONB} or null,
 * TEXT_ARRAY {@code String[]}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = TextField.class, name = "text"),
    @JsonSubTypes.Type(value = NumberField.class, name = "number"),
    @JsonSubTypes.Type(value = BoolField.class, name = "bool"),
    @JsonSubTypes.Type(value = EmailField.class, name = "email"),
    @JsonSubTypes.Type(value = UrlField.class, name = "url"),
    @JsonSubTypes.Type(value = DateField.class, name = "date"),
    @JsonSubTypes.Type(value = AutodateField.class, name = "autodate"),
    @JsonSubTypes.Type(value = SelectField.class, name = "select"),
    @JsonSubTypes.Type(value = JsonField.class, name = "json"),
    @JsonSubTypes.Type(value = PasswordField.class, name = "password"),
    @JsonSubTypes.Type(value = RelationField.class, name = "relation"),
    @JsonSubTypes.Type(value = FileField.class, name = "file"),
    @JsonSubTypes.Type(value = EditorField.class, name = "editor"),
    @JsonSubTypes.Type(value = GeoPointField.class, name = "geoPoint"),
})
public sealed interface Field
        permits TextField, NumberField, BoolField, EmailField, UrlField, DateField, AutodateField,
                SelectField, JsonField, PasswordField, RelationField, FileField, EditorField,
                GeoPointField {

    /** Stable id; survives renames. */
    String id();

    /** Name, also the column name. */
    String name();

    /** PocketBase type name, e.g. {@code text}. */
    String type();

    boolean system();

    boolean hidden();

    boolean presentable();

    /** A copy with another id (used when a new field gets its generated id). */
    Field withId(String id);

    /** Storage shape of this field's values. */
    @JsonIgnore
    ColumnKind kind();

    /** Column type, with nullability and default, for CREATE/ALTER TABLE. */
    @JsonIgnore
    DataType<?> columnType();

    /** The value a record has when none was given. */
    @JsonIgnore
    Object zeroValue();

    /**
     * Turns a submitted value (from JSON: String, Number, Boolean, List, Map or null; from a form: String or
     * List of String) into the stored Java value. {@code current} is the stored value for updates, null on create.
     *
     * @throws FieldValueException when the value has the wrong type or shape
     */
    Object accept(Object input, Object current);

    /**
     * The value after a modifier key ({@code field+}, {@code +field}, {@code field-}) changes {@code current}, as
     * PocketBase's field setters; null when this type has no such modifier (the key is then ignored, as PocketBase).
     *
     * @throws FieldValueException when the submitted value has the wrong type or shape
     */
    default Object modify(Modifier modifier, Object input, Object current) {
        return null;
    }

    /** Checks a value about to be stored against this field's options; returns null when it is valid. */
    dev.basalt.shared.FieldError check(Object value);

    /** The JSON form of a stored value, as PocketBase prints it. */
    Object toJson(Object stored);

    /** Checks this field's own options when a collection is saved; errors go under {@code prefix}. */
    default void validateOptions(String prefix, ValidationErrors errors) {
    }

    /** The value written to the column for a checked value (a password field hashes it here). */
    default Object store(Object checked) {
        return checked;
    }

    /** True for fields whose value the client cannot set (e.g. autodate). */
    @JsonIgnore
    default boolean readOnly() {
        return false;
    }
}
