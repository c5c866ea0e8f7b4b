package dev.basalt.collections.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionJson;
import dev.basalt.collections.fields.Field;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.CommonErrors;
import dev.basalt.shared.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * PocketBase's {@code POST /api/collections/meta/dry-run-view}: the fields a view query would get and a sample of
 * its records, proven exactly as a view collection's save proves it ({@link ViewQueryText}, {@link ViewDdl})
 * in a transaction that changes nothing. Errors are PocketBase's 400s: the form's under {@code query}, an
 * invalid query as {@code "Invalid view query. Raw error: ..."}.
 */
final class ViewDryRun {
    /** Records in the sample, as PocketBase's. */
    static final int SAMPLE_SIZE = 10;
    /** The name of the temporary view collection the sample records belong to (PocketBase adds 5 random letters). */
    private static final String TEMP_NAME = "temp_view";

    private ViewDryRun() {
    }

    /** {@code {"fields":[...],"sample":[...]}} for the submitted body's {@code query}. */
    static Map<String, Object> run(DSLContext dsl, List<Collection> collections, Object query) {
        String text = query instanceof String s ? s : "";
        if (text.isBlank()) {
            throw ApiException.badRequest(CommonErrors.VALIDATION_FAILED.message(),
                    Map.of("query", new FieldError("validation_required", "Cannot be blank.")));
        }
        try {
            return dsl.transactionResult(cfg -> prove(cfg.dsl(), collections, text));
        } catch (InvalidCollectionException e) {
            String reason = e.errors().values().stream().map(FieldError::message).findFirst().orElse("");
            throw ApiException.badRequest("Invalid view query. Raw error: \n" + reason);
        }
    }

    private static Map<String, Object> prove(DSLContext tx, List<Collection> collections, String raw) {
        String query = ViewQueryText.check(raw);
        ViewDdl views = new ViewDdl(tx);
        List<Field> fields = views.inspect(query, collections);
        if (fields.stream().noneMatch(f -> f.name().equals(CollectionDefaults.ID))) {
            throw ViewQueryText.invalid("validation_missing_view_id", "missing required id column (you can use"
                    + " `(ROW_NUMBER() OVER())::text as id` if you don't have one)");
        }
        List<Map<String, Object>> rows = views.sample(query, fields, SAMPLE_SIZE);
        List<Map<String, Object>> fieldsJson = new ArrayList<>();
        for (Field f : fields) {
            fieldsJson.add(CollectionJson.fieldToJson(f));
        }
        String collectionId = SchemaTransaction.ID_PREFIX + FieldIds.checksum(Collection.VIEW + TEMP_NAME);
        Set<Object> ids = new HashSet<>();
        List<Map<String, Object>> sample = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object id = row.get(CollectionDefaults.ID);
            if (id == null || "".equals(id)) {
                throw ViewQueryText.invalid("validation_invalid_view_query",
                        "the query could return records with empty or invalid ids");
            }
            if (!ids.add(id)) {
                throw ViewQueryText.invalid("validation_invalid_view_query",
                        "the query could return records with non-unique ids");
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("collectionId", collectionId);
            record.put("collectionName", TEMP_NAME);
            for (Field f : fields) {
                if (!f.hidden()) {
                    record.put(f.name(), f.toJson(row.get(f.name())));
                }
            }
            sample.add(record);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fields", fieldsJson);
        json.put("sample", sample);
        return json;
    }
}
