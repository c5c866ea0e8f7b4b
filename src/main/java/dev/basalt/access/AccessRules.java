package dev.basalt.access;

import dev.basalt.collections.Collection;
import dev.basalt.query.FilterInput;
import dev.basalt.query.PageRequest;
import dev.basalt.query.QueryCompiler;
import dev.basalt.query.QueryPlan;
import dev.basalt.query.QuerySpec;
import dev.basalt.query.RequestContext;
import dev.basalt.query.RequestInfo;
import dev.basalt.query.RowCondition;
import dev.basalt.query.TableSchema;
import dev.basalt.shared.Caller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The one rule path: PocketBase's rule semantics ({@code null} means superusers only, {@code ""} everyone, an
 * expression a row filter; superusers pass every rule) and the compilation of a rule, for a caller and what it
 * sent, into an SQL condition or an in-memory check. Every module that checks a rule calls this; the expression
 * language itself belongs to the query module.
 */
@Component
public class AccessRules {
    private static final String NO_ROW = "1 = 2";
    private final Clock clock;
    private final QueryCompiler compiler;
    private final RecordSchemas schemas;

    AccessRules(Clock clock, QueryCompiler compiler, RecordSchemas schemas) {
        this.clock = clock;
        this.compiler = compiler;
        this.schemas = schemas;
    }

    /** What the given rule of the collection means for the caller. */
    public RuleDecision decide(Collection collection, RuleType type, Caller caller) {
        if (caller.superuser()) {
            return new RuleDecision.Allow();
        }
        String rule = rule(collection, type);
        if (rule == null) {
            return new RuleDecision.SuperusersOnly();
        }
        if (rule.isBlank()) {
            return new RuleDecision.Allow();
        }
        return new RuleDecision.Filter(rule);
    }

    /**
     * The records the check lets through, as an SQL condition on the collection's table: no condition for a
     * superuser's rule or an empty one, none at all for a {@code null} rule, else the compiled expression.
     */
    public Condition condition(RuleCheck check) {
        if (check.clientFilter()) {
            return compiler.condition(check.expression(), schemas.schema(check.collection()), context(check),
                    check.caller().superuser(), schemas.catalog(check.caller()));
        }
        if (check.caller().superuser()) {
            return DSL.noCondition();
        }
        if (check.expression() == null) {
            return DSL.falseCondition();
        }
        return check.expression().isBlank() ? DSL.noCondition() : compiler.condition(check.expression(),
                schemas.schema(check.collection()), context(check), true, schemas.catalog());
    }

    /**
     * The record with this id where the check lets it through, as a plan (every field selected): the same records
     * as {@link #condition} AND the id, for a by-id read whose SQL is rendered once per shape of the plan.
     */
    public QueryPlan byIdQuery(RuleCheck check, String id) {
        String expression = singleRecordExpression(check);
        boolean rule = !check.clientFilter();
        return compiler.rowPlan(expression, schemas.schema(check.collection()), context(check),
                rule || check.caller().superuser(), rule ? schemas.catalog() : schemas.catalog(check.caller()), id);
    }

    /** A single-record check's expression: a superuser passes every rule, a rule left null (locked) lets none. */
    private static String singleRecordExpression(RuleCheck check) {
        if (check.clientFilter()) {
            return check.expression();
        }
        if (check.caller().superuser()) {
            return "";
        }
        return check.expression() == null ? NO_ROW : check.expression();
    }

    /**
     * The check compiled for single records, decided in memory where it reads only the record and request values,
     * else by SQL ({@link RowCondition}).
     */
    public RowCondition rowCondition(RuleCheck check) {
        String expression = singleRecordExpression(check);
        boolean rule = !check.clientFilter();
        return compiler.rowCondition(expression, schemas.schema(check.collection()), context(check),
                rule || check.caller().superuser(), rule ? schemas.catalog() : schemas.catalog(check.caller()));
    }

    /**
     * The records API's list query: the list rule of the check (none for a superuser's or an empty one; a
     * {@code null} one is refused by the caller before) and the caller's {@code filter} compiled together, with
     * the caller's {@code sort} and {@code page}, selecting every field of the collection.
     */
    public QueryPlan listQuery(RuleCheck rule, String filter, String sort, PageRequest page) {
        Caller caller = rule.caller();
        List<FilterInput> filters = new ArrayList<>();
        if (!rule.clientFilter() && !caller.superuser() && rule.expression() != null && !rule.expression().isBlank()) {
            filters.add(new FilterInput(rule.expression(), true, "listRule"));
        }
        filters.add(new FilterInput(filter, caller.superuser(), "filter"));
        TableSchema schema = schemas.schema(rule.collection());
        List<String> select = List.copyOf(schema.columns().keySet()); // every field, in order
        return compiler.plan(new QuerySpec(schema, select, filters, sort, caller.superuser(), page, context(rule),
                schemas.catalog(caller)));
    }

    /**
     * The {@code @request.*} values for this caller and request: {@code auth} from the caller,
     * the rest from {@code info}.
     */
    private RequestContext requestContext(Caller caller, RequestInfo info) {
        RequestInfo request = info == null ? RequestInfo.NONE : info;
        if (caller.anonymous()) {
            return new RequestContext(Map.of(), Map.of(), clock, request);
        }
        Map<String, Object> auth = new LinkedHashMap<>(caller.record());
        auth.put("id", caller.id());
        auth.put("collectionId", caller.collectionId());
        auth.put("collectionName", caller.collectionName());
        return new RequestContext(auth, Map.of(), clock, request);
    }

    /** The expression of one of the collection's five record rules. */
    static String rule(Collection collection, RuleType type) {
        return switch (type) {
            case LIST -> collection.listRule();
            case VIEW -> collection.viewRule();
            case CREATE -> collection.createRule();
            case UPDATE -> collection.updateRule();
            case DELETE -> collection.deleteRule();
        };
    }

    private RequestContext context(RuleCheck check) {
        return requestContext(check.caller(), check.info());
    }
}
