package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.AutodateField;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.FieldValueException;
import dev.basalt.collections.fields.FileField;
import dev.basalt.collections.fields.RelationField;
import dev.basalt.collections.fields.SelectField;
import dev.basalt.collections.fields.TextField;
import dev.basalt.query.ColumnKind;
import dev.basalt.shared.FieldError;
import dev.basalt.shared.ValidationErrors;
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
    /** Keys clients may send back unchanged (from a fetched record); they are ignored. */
    private static final Set<String> IGNORED_KEYS = Set.of("collectionId", "collectionName", "expand");

    private enum Modifier { SET, APPEND, PREPEND, REMOVE }

    /** Builds a new record from a create body. */
    public static RecordDraft forCreate(Collection collection, Map<String, Object> body) {
        return build(collection, body, null, "Failed to create record.");
    }

    /** Builds the changed record from an update body and the stored record. */
    public static RecordDraft forUpdate(Collection collection, Map<String, Object> body, Map<String, Object> current) {
        return build(collection, body, current, "Failed to update record.");
    }

    private static RecordDraft build(Collection collection, Map<String, Object> body, Map<String, Object> current,
                                     String failure) {
        boolean creating = current == null;
        ValidationErrors errors = new ValidationErrors();
        Map<String, Object> record = new LinkedHashMap<>();
        for (Field f : collection.fields()) {
            record.put(f.name(), creating ? f.zeroValue() : current.get(f.name()));
        }
        Set<String> touched = new LinkedHashSet<>();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String key = e.getKey();
            if (IGNORED_KEYS.contains(key)) {
                continue;
            }
            Modifier modifier = Modifier.SET;
            String name = key;
            if (key.endsWith("+")) {
                modifier = Modifier.APPEND;
                name = key.substring(0, key.length() - 1);
            } else if (key.startsWith("+")) {
                modifier = Modifier.PREPEND;
                name = key.substring(1);
            } else if (key.endsWith("-")) {
                modifier = Modifier.REMOVE;
                name = key.substring(0, key.length() - 1);
            }
            Field field = collection.field(name).orElse(null);
            if (field == null) {
                errors.add(key, "validation_unknown_field", "Unknown field.");
                continue;
            }
            if (field.readOnly()) {
                errors.add(key, "validation_read_only", "This field is set by the server and cannot be changed.");
                continue;
            }
            if (field.name().equals("id") && !creating) {
                if (!String.valueOf(e.getValue()).equals(current.get("id"))) {
                    errors.add(key, "validation_read_only", "The id of a record cannot be changed.");
                }
                continue;
            }
            try {
                record.put(name, apply(field, modifier, e.getValue(), record.get(name)));
                touched.add(name);
            } catch (FieldValueException ex) {
                errors.add(key, ex.error());
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
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

    private static Object apply(Field field, Modifier modifier, Object input, Object current) {
        if (modifier == Modifier.SET) {
            return field.accept(input, current);
        }
        if (field.kind() == ColumnKind.NUMBER && modifier != Modifier.PREPEND) {
            double base = current == null ? 0 : (Double) current;
            double delta = (Double) field.accept(input, current);
            return modifier == Modifier.APPEND ? base + delta : base - delta;
        }
        if (field instanceof SelectField || field instanceof RelationField || field instanceof FileField) {
            boolean multiple = field.kind() == ColumnKind.TEXT_ARRAY;
            List<String> values = new ArrayList<>(currentValues(current));
            Object given = field.accept(input, null);
            List<String> items = given instanceof String[] arr ? List.of(arr)
                    : ((String) given).isEmpty() ? List.of() : List.of((String) given);
            switch (modifier) {
                case APPEND -> items.stream().filter(v -> !values.contains(v)).forEach(values::add);
                case PREPEND -> {
                    List<String> head = new ArrayList<>(items.stream().filter(v -> !values.contains(v)).toList());
                    head.addAll(values);
                    values.clear();
                    values.addAll(head);
                }
                default -> values.removeAll(items);
            }
            return multiple ? values.toArray(String[]::new) : (values.isEmpty() ? "" : values.getLast());
        }
        throw new FieldValueException("validation_invalid_modifier",
                "The " + field.type() + " field does not support + or - modifiers.");
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
