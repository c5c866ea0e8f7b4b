package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.AutodateField;
import dev.basalt.collections.fields.Casts;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.FieldValueException;
import dev.basalt.collections.fields.Modifier;
import dev.basalt.collections.fields.TextField;
import dev.basalt.shared.FieldError;
import dev.basalt.shared.ValidationErrors;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a submitted body to a record: resolves {@code field+}, {@code +field} and {@code field-} modifiers,
 * converts and checks every value, fills defaults, ids and autodates. The result is the full record as it will
 * be stored ({@link #record()}) and the columns to write ({@link #writes}); values are store-ready (e.g. hashed
 * passwords). Mutable only through {@link #amend}, for the write interceptors ({@link RecordAmendments}).
 */
public final class RecordDraft {
    /** PocketBase's text field modifier: the value followed by a string generated from the field's pattern. */
    static final String AUTOGENERATE = ":autogenerate";

    private final Collection collection;
    private final RecordData original;
    private final Map<String, Object> values;
    private final Set<String> written;

    /** A body key resolved to the field it writes and how: a modifier, or null to set (or autogenerate) it. */
    private record Target(Field field, Modifier modifier, boolean autogenerate) {
    }

    private RecordDraft(Collection collection, RecordData original, Map<String, Object> values, Set<String> written) {
        this.collection = collection;
        this.original = original;
        this.values = values;
        this.written = written;
    }

    /** Builds a new record from a create body. */
    public static RecordDraft forCreate(Collection collection, RecordInput body, Clock clock) {
        return build(collection, body, null, RecordErrors.CREATE_FAILED, clock);
    }

    /** Builds the changed record from an update body and the stored record. */
    public static RecordDraft forUpdate(RecordData current, RecordInput body, Clock clock) {
        return build(current.collection(), body, current, RecordErrors.UPDATE_FAILED, clock);
    }

    /** The record's id. */
    public String id() {
        Object id = values.get("id");
        return id == null ? "" : id.toString();
    }

    /** The record's collection. */
    public Collection collection() {
        return collection;
    }

    /** The stored record this draft changes; empty for a create. */
    public Optional<RecordData> original() {
        return Optional.ofNullable(original);
    }

    /** The record as it will be stored; after an update it remembers the stored one ({@link RecordData#original}). */
    public RecordData record() {
        return RecordData.of(collection, values).withOriginal(original);
    }

    /** A field's value as it will be stored. */
    public Object get(String field) {
        return values.get(field);
    }

    /** True when the write sets this column. */
    public boolean writes(String field) {
        return written.contains(field);
    }

    /** The columns the write sets, in order. */
    public Set<String> columns() {
        return Collections.unmodifiableSet(written);
    }

    /** Sets a field to a store-ready value (converted and checked by the caller) and writes its column. */
    void amend(String field, Object stored) {
        values.put(field, stored);
        written.add(field);
    }

    /** The error of a write that would change a stored record's id. */
    static FieldError primaryKeyChange() {
        return new FieldError("validation_pk_change", "The record primary key cannot be changed.");
    }

    /** The clock's time as autodate fields store it: UTC, in milliseconds as PocketBase. */
    static OffsetDateTime autodate(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static RecordDraft build(Collection collection, RecordInput body, RecordData current,
                                     RecordErrors failure, Clock clock) {
        boolean creating = current == null;
        ValidationErrors errors = new ValidationErrors();
        Map<String, Object> record = new LinkedHashMap<>();
        for (Field f : collection.fields()) {
            record.put(f.name(), creating ? f.zeroValue() : current.get(f.name()));
        }
        Set<String> touched = new LinkedHashSet<>();
        for (String key : body.keys()) {
            Object input = body.get(key);
            Target target = target(collection, key);
            // As PocketBase: keys that write no field (unknown names, collectionId, collectionName, expand,
            // modifiers a type lacks) and autodate values are ignored, so a fetched record can be sent back.
            if (target == null || target.field().readOnly()) {
                continue;
            }
            Field field = target.field();
            String name = field.name();
            if (name.equals("id") && !creating && target.modifier() == null) {
                if (!Casts.text(input).equals(current.id())) {
                    errors.add(name, primaryKeyChange());
                }
                continue;
            }
            try {
                Object value = apply(target, input, record.get(name));
                if (value == null && target.modifier() != null) {
                    continue; // a modifier this type lacks writes nothing, as PocketBase
                }
                record.put(name, value);
                touched.add(name);
            } catch (FieldValueException ex) {
                errors.add(key, ex.error());
            }
        }
        OffsetDateTime now = autodate(clock);
        for (Field f : collection.fields()) {
            if (f instanceof AutodateField a && ((creating && a.onCreate()) || (!creating && a.onUpdate()))) {
                record.put(f.name(), now);
                touched.add(f.name());
            }
            if (creating && f instanceof TextField t && "".equals(record.get(f.name())) && !t.autogeneratePattern().isEmpty()) {
                record.put(f.name(), t.generate());
                touched.add(f.name());
            }
        }
        for (Field f : collection.fields()) {
            if (errors.asMap().containsKey(f.name())) {
                continue;
            }
            // Unchanged stored values are not re-checked in full (e.g. a password hash against its max length).
            if (!creating && !touched.contains(f.name())) {
                continue;
            }
            FieldError error = f.check(record.get(f.name()));
            if (error != null) {
                errors.add(f.name(), error);
            }
        }
        if (!creating) {
            for (Field f : collection.fields()) {
                if (!touched.contains(f.name()) && requiredAndEmpty(f, record.get(f.name()))) {
                    errors.add(f.name(), FieldError.required());
                }
            }
        }
        errors.throwIfAny(failure);
        for (String name : touched) {
            record.put(name, collection.field(name).orElseThrow().store(record.get(name)));
        }
        if (creating) {
            touched.add("id");
        }
        return new RecordDraft(collection, current, record, touched);
    }

    private static boolean requiredAndEmpty(Field f, Object value) {
        return f.check(value) != null && f.check(value).code().equals("validation_required");
    }

    /** The field a key writes and how, as PocketBase's field setters; null when it names no field. */
    private static Target target(Collection collection, String key) {
        Field exact = collection.field(key).orElse(null);
        if (exact != null) {
            return new Target(exact, null, false);
        }
        if (key.endsWith(AUTOGENERATE)) {
            return collection.field(key.substring(0, key.length() - AUTOGENERATE.length()))
                    .filter(f -> f instanceof TextField).map(f -> new Target(f, null, true)).orElse(null);
        }
        if (key.startsWith("+")) {
            return collection.field(key.substring(1)).map(f -> new Target(f, Modifier.PREPEND, false)).orElse(null);
        }
        if (key.endsWith("+") || key.endsWith("-")) {
            Modifier modifier = key.endsWith("+") ? Modifier.APPEND : Modifier.REMOVE;
            return collection.field(key.substring(0, key.length() - 1))
                    .map(f -> new Target(f, modifier, false)).orElse(null);
        }
        return null;
    }

    private static Object apply(Target target, Object input, Object current) {
        Field field = target.field();
        if (target.autogenerate()) {
            return Casts.text(input) + ((TextField) field).generate();
        }
        return target.modifier() == null ? field.accept(input, current)
                : field.modify(target.modifier(), input, current);
    }
}
