package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.IndexDefinition;
import dev.basalt.shared.FieldError;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.util.PSQLException;

/** Turns database errors on writes (unique violations) into 400s that name the fields, without SQL text. */
final class WriteErrors {
    private static final String UNIQUE_VIOLATION = "23505";

    void run(Collection collection, RecordErrors failure, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            SQLException sql = sqlCause(e);
            if (sql == null || !UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw e;
            }
            String constraint = sql instanceof PSQLException p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getConstraint() : null;
            throw failure.exception(uniqueFields(collection, constraint));
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    /** PocketBase's error of a field whose value another record holds already. */
    static FieldError notUnique() {
        return new FieldError("validation_not_unique", "Value must be unique.");
    }

    private static Map<String, FieldError> uniqueFields(Collection collection, String constraint) {
        Map<String, FieldError> data = new LinkedHashMap<>();
        FieldError notUnique = notUnique();
        if (constraint == null || constraint.endsWith("_pkey")) {
            data.put("id", notUnique);
            return data;
        }
        for (String index : collection.indexes()) {
            IndexDefinition definition = IndexDefinition.parse(index);
            if (definition.name().equalsIgnoreCase(constraint)) {
                definition.columns().forEach(c -> data.put(c.name(), notUnique));
            }
        }
        return data;
    }
}
