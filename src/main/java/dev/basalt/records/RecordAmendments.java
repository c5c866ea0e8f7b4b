package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.FieldValueException;
import dev.basalt.shared.FieldError;
import dev.basalt.shared.ValidationErrors;
import java.util.Map;
import java.util.Objects;

/**
 * Applies the values a {@link RecordWriteInterceptor} changed on a pending write to its draft: each changed field's
 * value is converted, checked and stored as a submitted one would be.
 */
final class RecordAmendments {
    private RecordAmendments() {
    }

    /**
     * Writes the changed entries of {@code values} (the hook bridge's mutable record) into the draft; 400 on a bad
     * value.
     */
    static void apply(RecordDraft draft, Map<String, Object> values, RecordErrors failure) {
        Collection collection = draft.collection();
        ValidationErrors errors = new ValidationErrors();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object before = draft.get(e.getKey());
            Field field = collection.field(e.getKey()).orElse(null);
            if (field == null || Objects.deepEquals(before, e.getValue())) {
                continue;
            }
            if (field.name().equals("id") && !draft.writes("id")) {
                errors.add("id", RecordDraft.primaryKeyChange());
                continue;
            }
            try {
                Object accepted = field.accept(e.getValue(), before);
                FieldError error = field.check(accepted);
                if (error != null) {
                    errors.add(field.name(), error);
                    continue;
                }
                Object stored = field.store(accepted);
                draft.amend(field.name(), stored);
            } catch (FieldValueException ex) {
                errors.add(field.name(), ex.error());
            }
        }
        errors.throwIfAny(failure);
    }
}
