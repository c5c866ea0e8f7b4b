package dev.basalt.hooks.js;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.graalvm.polyglot.HostAccess;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code $app.db()} for hook code: the hook's own SQL against PostgreSQL ({@code newQuery(sql).bind(params)} with
 * {@code all}, {@code one}, {@code column}, {@code execute}), every {@code {:name}} bound as a parameter. Inside
 * {@code $app.runInTransaction} a statement runs in the transaction, under a savepoint: a failing statement undoes
 * only itself, so hook code that catches the error can go on (PostgreSQL would refuse every later statement of the
 * transaction otherwise). Answers are JSON envelopes, {@code {"rows": [...]}}, {@code {"affected": n}} or
 * {@code {"error": "reason"}}, which the JS API turns into values or a thrown {@code Error}.
 */
public final class JsDb {
    /** Rows one {@code all()} reads at most (the rest is not fetched). */
    static final int MAX_ROWS = 100_000;
    private final DSLContext dsl;
    private final TransactionTemplate savepoint;

    JsDb(DSLContext dsl, TransactionTemplate tx) {
        this.dsl = dsl;
        this.savepoint = tx == null ? null : new TransactionTemplate(tx.getTransactionManager());
        if (savepoint != null) {
            savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        }
    }

    /** Runs {@code sql} with {@code paramsJson}; {@code mode} is {@code all}, {@code one}, {@code column} or {@code execute}. */
    @HostAccess.Export
    public String query(String sql, String paramsJson, String mode) {
        return envelope(() -> {
            var part = JsSql.of(sql, JsDbx.params(JsJson.read(paramsJson)));
            if ("execute".equals(mode)) {
                return Map.of("affected", dsl.query(part).execute());
            }
            ResultQuery<Record> q = dsl.resultQuery(part).maxRows("all".equals(mode) || "column".equals(mode)
                    ? MAX_ROWS : 1);
            List<Object> rows = new ArrayList<>();
            for (Record r : q.fetch()) {
                rows.add("column".equals(mode) ? JsDbValues.json(r.get(0)) : row(r));
            }
            return Map.of("rows", rows);
        });
    }

    private static Map<String, Object> row(Record r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < r.size(); i++) {
            out.put(r.field(i).getName(), JsDbValues.json(r.get(i)));
        }
        return out;
    }

    /** The answer of {@code work} as JSON, or its failure as {@code {"error": ...}}. */
    String envelope(Supplier<Map<String, Object>> work) {
        try {
            return JsJson.write(guarded(work));
        } catch (JsDbException e) {
            return JsJson.write(Map.of("error", e.getMessage()));
        }
    }

    /** {@code work} under a savepoint when a transaction is open; a database failure as {@link JsDbException}. */
    <T> T guarded(Supplier<T> work) {
        try {
            if (savepoint != null && TransactionSynchronizationManager.isActualTransactionActive()) {
                return savepoint.execute(status -> work.get());
            }
            return work.get();
        } catch (org.jooq.exception.DataAccessException | org.springframework.dao.DataAccessException e) {
            throw new JsDbException(reason(e));
        }
    }

    /**
     * The database's reason for a failure, without the statement or driver details: PostgreSQL's message line
     * ({@code relation "x" does not exist}), with its SQL state.
     */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                String line = sql.getMessage().lines().findFirst().orElse("").replaceFirst("^ERROR:\\s*", "");
                return "db: " + line + (sql.getSQLState() == null ? "" : " (SQLSTATE " + sql.getSQLState() + ")");
            }
        }
        return "db: the statement failed";
    }
}
