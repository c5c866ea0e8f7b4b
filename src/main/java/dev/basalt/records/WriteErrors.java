package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.FieldError;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;

/** Turns database errors on writes (unique violations) into 400s that name the fields, without SQL text. */
final class WriteErrors {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Pattern INDEX_NAME = Pattern.compile("(?i)INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?[`\"]?(\\w+)[`\"]?");
    private static final Pattern INDEX_COLUMNS = Pattern.compile("\\(([^)]*)\\)");

    void run(Collection collection, String message, Runnable write) {
        try {
            write.run();
        } catch (DataAccessException e) {
            if (!UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw e;
            }
            throw ApiException.badRequest(message, uniqueFields(collection, constraint(e)));
        }
    }

    private static String constraint(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
                return p.getServerErrorMessage().getConstraint();
            }
            if (t instanceof SQLException && t.getCause() == null) {
                break;
            }
        }
        return null;
    }

    private static Map<String, FieldError> uniqueFields(Collection collection, String constraint) {
        Map<String, FieldError> data = new LinkedHashMap<>();
        FieldError notUnique = new FieldError("validation_not_unique", "Value must be unique.");
        if (constraint == null || constraint.endsWith("_pkey")) {
            data.put("id", notUnique);
            return data;
        }
        for (String index : collection.indexes()) {
            Matcher name = INDEX_NAME.matcher(index);
            Matcher cols = INDEX_COLUMNS.matcher(index);
            if (name.find() && name.group(1).equalsIgnoreCase(constraint) && cols.find()) {
                for (String col : cols.group(1).split(",")) {
                    String field = col.trim().split("\\s+")[0].replaceAll("[`\"\\[\\]]", "");
                    data.put(field, notUnique);
                }
            }
        }
        return data;
    }
}
