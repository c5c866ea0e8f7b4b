package dev.basalt.records;

import dev.basalt.access.AccessRules;
import dev.basalt.access.RuleDecision;
import dev.basalt.access.RuleType;
import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.TextField;
import dev.basalt.query.FilterInput;
import dev.basalt.query.PlanRenderer;
import dev.basalt.query.QueryCompiler;
import dev.basalt.query.QueryPlan;
import dev.basalt.query.QuerySpec;
import dev.basalt.query.RequestContext;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The records API's operations: each checks the collection's rule for the caller, in SQL, before acting. */
@Service
public class RecordService {
    private final DSLContext dsl;
    private final RecordStore store;
    private final AccessRules rules;
    private final QueryCompiler compiler;
    private final PlanRenderer renderer;
    private final TransactionTemplate tx;
    private final RecordChanges changes;
    private final WriteErrors writeErrors = new WriteErrors();

    public RecordService(DSLContext dsl, RecordStore store, AccessRules rules, QueryCompiler compiler,
                         PlanRenderer renderer, TransactionTemplate tx, RecordChanges changes) {
        this.dsl = dsl;
        this.store = store;
        this.rules = rules;
        this.compiler = compiler;
        this.renderer = renderer;
        this.tx = tx;
        this.changes = changes;
    }

    /** A page of records the caller may list, as PocketBase's list JSON. */
    public Map<String, Object> list(Collection collection, ListParams params, Caller caller) {
        RuleDecision decision = allowed(collection, RuleType.LIST, caller);
        List<FilterInput> filters = new ArrayList<>();
        if (decision instanceof RuleDecision.Filter f) {
            filters.add(new FilterInput(f.expression(), true, "listRule"));
        }
        filters.add(new FilterInput(params.filter(), caller.superuser(), "filter"));
        List<String> select = collection.fields().stream().map(Field::name).toList();
        QuerySpec spec = new QuerySpec(RecordTables.schema(collection), select, filters, params.sort(),
                caller.superuser(), params.page(), rules.requestContext(caller));
        QueryPlan plan = compiler.plan(spec);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Record row : renderer.select(dsl, plan).fetch()) {
            items.add(RecordJson.render(collection, RecordStore.toMap(collection, row), caller.superuser(),
                    params.fields()));
        }
        long total = -1;
        long pages = -1;
        if (!params.skipTotal()) {
            total = Objects.requireNonNull(renderer.count(dsl, plan).fetchOne()).value1();
            pages = (total + params.page().perPage() - 1) / params.page().perPage();
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("page", params.page().page());
        page.put("perPage", params.page().perPage());
        page.put("totalItems", total);
        page.put("totalPages", pages);
        page.put("items", items);
        return page;
    }

    /** One record the caller may view; 404 otherwise. */
    public Map<String, Object> view(Collection collection, String id, Caller caller, String fields) {
        Condition where = ruleCondition(collection, RuleType.VIEW, caller).and(RecordTables.id(collection).eq(id));
        Map<String, Object> row = store.findWhere(collection, where, false).orElseThrow(ApiException::notFound);
        return RecordJson.render(collection, row, caller.superuser(), FieldSelection.parse(fields));
    }

    /** Creates a record if the create rule holds for it as stored; 400 otherwise, with nothing written. */
    public Map<String, Object> create(Collection collection, Map<String, Object> body, Caller caller, String fields) {
        RuleDecision decision = allowed(collection, RuleType.CREATE, caller);
        Map<String, Object> input = AuthRecordInput.prepare(collection, body, null);
        RecordDraft draft = RecordDraft.forCreate(collection, input);
        tx.executeWithoutResult(status -> {
            writeErrors.run(collection, "Failed to create record.", () -> store.insert(collection, draft.changes()));
            if (decision instanceof RuleDecision.Filter f) {
                Condition check = condition(collection, f.expression(), caller)
                        .and(RecordTables.id(collection).eq((String) draft.record().get("id")));
                if (!store.exists(collection, check)) {
                    status.setRollbackOnly();
                    throw ApiException.badRequest("Failed to create record.");
                }
            }
            changes.announce(dsl, collection, "create", draft.record());
        });
        return RecordJson.render(collection, draft.record(), caller.superuser(), FieldSelection.parse(fields));
    }

    /** Updates a record the caller may update; 404 when it is missing or outside the rule. */
    public Map<String, Object> update(Collection collection, String id, Map<String, Object> body, Caller caller,
                                      String fields) {
        Condition where = ruleCondition(collection, RuleType.UPDATE, caller).and(RecordTables.id(collection).eq(id));
        RecordDraft draft = tx.execute(status -> {
            Map<String, Object> current = store.findWhere(collection, where, true).orElseThrow(ApiException::notFound);
            Map<String, Object> input = AuthRecordInput.prepare(collection, body, current);
            RecordDraft d = RecordDraft.forUpdate(collection, input, current);
            writeErrors.run(collection, "Failed to update record.", () -> store.update(collection, id, d.changes()));
            changes.announce(dsl, collection, "update", d.record());
            return d;
        });
        return RecordJson.render(collection, draft.record(), caller.superuser(), FieldSelection.parse(fields));
    }

    /** Deletes a record the caller may delete; 404 when it is missing or outside the rule. */
    public void delete(Collection collection, String id, Caller caller) {
        Condition where = ruleCondition(collection, RuleType.DELETE, caller).and(RecordTables.id(collection).eq(id));
        tx.executeWithoutResult(status -> {
            Map<String, Object> deleted = store.deleteReturning(collection, where)
                    .orElseThrow(ApiException::notFound);
            changes.announce(dsl, collection, "delete", deleted);
        });
    }

    private RuleDecision allowed(Collection collection, RuleType type, Caller caller) {
        RuleDecision decision = rules.decide(collection, type, caller);
        if (decision instanceof RuleDecision.SuperusersOnly) {
            throw ApiException.forbidden("Only superusers can perform this action.");
        }
        return decision;
    }

    private Condition ruleCondition(Collection collection, RuleType type, Caller caller) {
        return allowed(collection, type, caller) instanceof RuleDecision.Filter f
                ? condition(collection, f.expression(), caller) : DSL.noCondition();
    }

    private Condition condition(Collection collection, String expression, Caller caller) {
        RequestContext request = rules.requestContext(caller);
        return compiler.condition(expression, RecordTables.schema(collection), request, true);
    }

    static boolean isIdField(Field f) {
        return f instanceof TextField t && t.primaryKey();
    }
}
