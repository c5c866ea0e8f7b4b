package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.AutodateField;
import dev.basalt.collections.fields.Casts;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.FieldValueException;
import dev.basalt.collections.fields.FileField;
import dev.basalt.collections.fields.RelationField;
import dev.basalt.collections.fields.SelectField;
import dev.basalt.collections.fields.TextField;
import dev.basalt.query.ColumnKind;
import dev.basalt.shared.FieldError;
import dev.basalt.shared.ValidationErrors;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a submitted body to a record: resolves {@code field+}, {@code +field} and {@code field-} modifiers,
 * converts and checks every value, fills defaults, ids and autodates. The result is the full record as it will
 * be stored and the columns to write.
 *
 * @param record  every field's value after the change
 * @param changes the columns to write (store-ready values, e.g. hashed passwords)
 */
public record RecordDraft(Map<String, Object> record, Map<String, Object> changes) {
    /** PocketBase's text field modifier: the value followed by a string generated from the field's pattern. */
    static final String AUTOGENERATE = ":autogenerate";

    private enum Modifier { SET, APPEND, PREPEND, REMOVE, AUTOGENERATE }

    /** A body key resolved to the field it writes and how. */
    private record Target(Field field, Modifier modifier) {
    }

    /** Builds a new record from a create body. */
    public static RecordDraft forCreate(Collection collection, Map<String, Object> body, Clock clock) {
        return build(collection, body, null, RecordErrors.CREATE_FAILED, clock);
    }

    /** Builds the changed record from an update body and the stored record. */
    public static RecordDraft forUpdate(Collection collection, Map<String, Object> body, Map<String, Object> current,
                                        Clock clock) {
        return build(collection, body, current, RecordErrors.UPDATE_FAILED, clock);
    }

    /** The clock's time as autodate fields store it: UTC, in milliseconds as PocketBase. */
    static OffsetDateTime autodate(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static RecordDraft build(Collection collection, Map<String, Object> body, Map<String, Object> current,
                                     RecordErrors failure, Clock clock) {
        boolean creating = current == null;
        ValidationErrors errors = new ValidationErrors();
        Map<String, Object> record = new LinkedHashMap<>();
        for (Field f : collection.fields()) {
            record.put(f.name(), creating ? f.zeroValue() : current.get(f.name()));
        }
        Set<String> touched = new LinkedHashSet<>();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String key = e.getKey();
            Target target = target(collection, key);
            // As PocketBase: keys that write no field (unknown names, collectionId, collectionName, expand,
            // modifiers a type lacks) and autodate values are ignored, so a fetched record can be sent back.
            if (target == null || target.field().readOnly()) {
                continue;
            }
            Field field = target.field();
            String name = field.name();
            if (name.equals("id") && !creating) {
                if (!Casts.text(e.getValue()).equals(current.get("id"))) {
                    errors.add(name, "validation_pk_change", "The record primary key cannot be changed.");
                }
                continue;
            }
            try {
                record.put(name, apply(field, target.modifier(), e.getValue(), record.get(name)));
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
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String name : touched) {
            Field f = collection.field(name).orElseThrow();
            Object stored = f.store(record.get(name));
            changes.put(name, stored);
            record.put(name, stored);
        }
        if (creating) {
            changes.putIfAbsent("id", record.get("id"));
        }
        return new RecordDraft(record, changes);
    }

    private static boolean requiredAndEmpty(Field f, Object value) {
        return f.check(value) != null && f.check(value).code().equals("validation_required");
    }

    /** The field a key writes and how, as PocketBase's field setters; null when it writes none. */
    private static Target target(Collection collection, String key) {
        Field exact = collection.field(key).orElse(null);
        if (exact != null) {
            return new Target(exact, Modifier.SET);
        }
        if (key.endsWith(AUTOGENERATE)) {
            return collection.field(key.substring(0, key.length() - AUTOGENERATE.length()))
                    .filter(f -> f instanceof TextField).map(f -> new Target(f, Modifier.AUTOGENERATE)).orElse(null);
        }
        Modifier modifier;
        String name;
        if (key.startsWith("+")) {
            modifier = Modifier.PREPEND;
            name = key.substring(1);
        } else if (key.endsWith("+") || key.endsWith("-")) {
            modifier = key.endsWith("+") ? Modifier.APPEND : Modifier.REMOVE;
            name = key.substring(0, key.length() - 1);
        } else {
            return null;
        }
        Field field = collection.field(name).orElse(null);
        boolean list = field instanceof SelectField || field instanceof RelationField || field instanceof FileField;
        boolean number = field != null && field.kind() == ColumnKind.NUMBER;
        return list || (number && modifier != Modifier.PREPEND) ? new Target(field, modifier) : null;
    }

    private static Object apply(Field field, Modifier modifier, Object input, Object current) {
        if (modifier == Modifier.SET) {
            return field.accept(input, current);
        }
        if (modifier == Modifier.AUTOGENERATE) {
            return Casts.text(input) + ((TextField) field).generate();
        }
        if (field.kind() == ColumnKind.NUMBER) {
            double base = current == null ? 0 : (Double) current;
            double delta = (Double) field.accept(input, current);
            return modifier == Modifier.APPEND ? base + delta : base - delta;
        }
        // select, relation and file fields, as PocketBase's setters: both sides as unique string lists, then the
        // result normalised again (unique; a single-value field keeps the last)
        List<String> items = Casts.uniqueStrings(input);
        List<String> values = new ArrayList<>();
        switch (modifier) {
            case APPEND -> {
                values.addAll(currentValues(current));
                values.addAll(items);
            }
            case PREPEND -> {
                values.addAll(items);
                values.addAll(currentValues(current));
            }
            default -> {
                values.addAll(currentValues(current));
                values.removeAll(items);
            }
        }
        List<String> unique = List.copyOf(new LinkedHashSet<>(values));
        boolean multiple = field.kind() == ColumnKind.TEXT_ARRAY;
        return multiple ? unique.toArray(String[]::new) : (unique.isEmpty() ? "" : unique.getLast());
    }

    private static List<String> currentValues(Object current) {
        if (current instanceof String[] arr) {
            return List.of(arr);
        }
        if (current instanceof String str && !str.isEmpty()) {
            return List.of(str);
        }
        return List.of();
    }
}
