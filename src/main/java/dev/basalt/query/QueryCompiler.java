package dev.basalt.query;

import dev.basalt.query.internal.QueryError;
import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.Simplifier;
import dev.basalt.query.internal.ir.SortKey;
import dev.basalt.query.internal.ir.Term;
import dev.basalt.query.internal.plan.PlanPass;
import dev.basalt.query.internal.plan.PlanPasses;
import dev.basalt.query.internal.render.JoinedCondition;
import dev.basalt.query.internal.resolve.RequestValues;
import dev.basalt.query.internal.resolve.Resolver;
import dev.basalt.query.internal.syntax.Expr;
import dev.basalt.query.internal.syntax.Parser;
import dev.basalt.query.internal.syntax.SortParser;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Compiles PocketBase filter and sort expressions in stages: parse (text to AST), resolve (AST, schema and request
 * values to typed IR), plan (IR through plan passes to a {@link QueryPlan}); {@link PlanRenderer} renders the plan.
 * Thread-safe; its only state is a bounded cache of parsed expressions (immutable ASTs, by source text): rules are
 * compiled on every request, and parsing them again cost a share of each ruled read. Every problem with an
 * expression is a {@link QueryException} (400).
 */
@Component
public final class QueryCompiler {
    /** Parsed expressions kept: every collection's rules and the most recent client filters fit many times over. */
    static final int PARSED_CACHE_SIZE = 2048;
    private final Cache<String, Optional<Expr>> parsed = Caffeine.newBuilder().maximumSize(PARSED_CACHE_SIZE).build();

    /** The plan of a list or view query. */
    public QueryPlan plan(QuerySpec spec) {
        TableSchema schema = spec.schema();
        RequestValues values = RequestValues.of(spec.request());
        List<Cond> conditions = new ArrayList<>();
        for (FilterInput filter : spec.filters()) {
            if (!filter.isBlank()) {
                conditions.add(resolveFilter(filter, schema, values, spec.catalog()));
            }
        }
        List<SortKey> order = resolveSort(spec.sort(), schema, spec.sortAllowHidden(), spec.catalog(), values);
        PlanPass passes = PlanPasses.applyFilters(conditions)
                .then(PlanPasses.simplifyWhere())
                .then(PlanPasses.applySort(order))
                .then(PlanPasses.totalOrder(schema))
                .then(PlanPasses.joinRelations())
                .then(PlanPasses.applyPage(spec.page()));
        return passes.apply(QueryPlan.of(selectColumns(schema, spec.select()), schema.table()));
    }

    /**
     * The condition of one expression (e.g. a rule checked against one record), columns qualified by the table name,
     * following relation paths into the tables of {@code catalog} ({@link TableCatalog#EMPTY}: none); a condition on
     * to-one relation paths is an EXISTS over their LEFT JOINs, correlated to the table. A blank expression is
     * always true. Errors are reported under the key {@code filter}.
     */
    public Condition condition(String expression, TableSchema schema, RequestContext request, boolean allowHidden,
                               TableCatalog catalog) {
        FilterInput input = new FilterInput(expression, allowHidden, FilterInput.FILTER_PARAM);
        if (input.isBlank()) {
            return DSL.trueCondition();
        }
        RequestValues values = RequestValues.of(request == null ? RequestContext.anonymous() : request);
        Cond cond = Simplifier.simplify(resolveFilter(input, schema, values, catalog));
        if (cond.equals(Cond.TRUE)) {
            return DSL.trueCondition();
        }
        QueryPlan plan = PlanPasses.joinRelations().apply(QueryPlan.of(List.of(), schema.table()).withWhere(cond));
        return JoinedCondition.render(plan.joins(), plan.where());
    }

    /**
     * The plan of reading the row whose key column equals {@code key} if the expression holds for it: the condition
     * of {@link #condition} (its to-one relation paths LEFT JOINed) AND the key, every column selected, one row. For
     * a by-id read whose SQL is rendered once per {@link PlanTemplate} shape.
     */
    public QueryPlan rowPlan(String expression, TableSchema schema, RequestContext request, boolean allowHidden,
                             TableCatalog catalog, String key) {
        FilterInput input = new FilterInput(expression, allowHidden, FilterInput.FILTER_PARAM);
        Cond cond = Cond.TRUE;
        if (!input.isBlank()) {
            RequestValues values = RequestValues.of(request == null ? RequestContext.anonymous() : request);
            cond = Simplifier.simplify(resolveFilter(input, schema, values, catalog));
        }
        if (schema.key() == null) {
            throw new IllegalArgumentException("No key column in " + schema.table());
        }
        ColumnInfo keyColumn = schema.column(schema.key());
        Cond byKey = new Cond.Compare(new Term.Column(schema.table(), keyColumn.name(), Kind.of(keyColumn.kind())),
                Cond.CompareOp.EQ, new Term.Value(key, Kind.of(keyColumn.kind())));
        Cond where = cond.equals(Cond.TRUE) ? byKey : new Cond.AllOf(List.of(cond, byKey));
        QueryPlan plan = QueryPlan.of(selectColumns(schema, List.copyOf(schema.columns().keySet())), schema.table())
                .withWhere(where).withRange(new dev.basalt.query.internal.ir.RowRange(0, 1));
        return PlanPasses.joinRelations().apply(plan);
    }

    /**
     * One expression compiled for checking single rows, in SQL or in memory ({@link RowCondition}), following
     * relation paths into the tables of {@code catalog} (such conditions are decided by SQL, never in memory); a
     * blank expression always holds. Errors are reported under the key {@code filter}.
     */
    public RowCondition rowCondition(String expression, TableSchema schema, RequestContext request,
                                     boolean allowHidden, TableCatalog catalog) {
        FilterInput input = new FilterInput(expression, allowHidden, FilterInput.FILTER_PARAM);
        if (input.isBlank()) {
            return new RowCondition(Cond.TRUE, schema.table());
        }
        RequestValues values = RequestValues.of(request == null ? RequestContext.anonymous() : request);
        return new RowCondition(Simplifier.simplify(resolveFilter(input, schema, values, catalog)), schema.table());
    }

    /**
     * Checks syntax, names and limits without request values (when a rule is saved), relation paths resolved in
     * {@code catalog}: any {@code @request.auth.*} key is accepted; placeholders are not. Errors are reported under
     * the key {@code filter}.
     */
    public void validate(String expression, TableSchema schema, boolean allowHidden, TableCatalog catalog) {
        FilterInput input = new FilterInput(expression, allowHidden, FilterInput.FILTER_PARAM);
        if (!input.isBlank()) {
            resolveFilter(input, schema, RequestValues.forValidation(), catalog);
        }
    }

    private Cond resolveFilter(FilterInput input, TableSchema schema, RequestValues values,
                                      TableCatalog catalog) {
        String expression = input.expression();
        if (expression.length() > QueryLimits.MAX_FILTER_LENGTH) {
            throw QueryException.filter(input.paramName(), "the expression is longer than "
                    + QueryLimits.MAX_FILTER_LENGTH + " characters", -1);
        }
        try {
            // a syntax error is thrown again on each use: only parsed expressions are kept
            return parsed.get(expression, Parser::parse)
                    .map(ast -> new Resolver(schema, values, input.allowHidden(), catalog).resolve(ast))
                    .orElse(Cond.TRUE);
        } catch (QueryError e) {
            throw QueryException.filter(input.paramName(), e.detail(), e.position());
        }
    }

    private static List<SortKey> resolveSort(String sort, TableSchema schema, boolean allowHidden,
                                             TableCatalog catalog, RequestValues values) {
        try {
            return Resolver.sortKeys(SortParser.parse(sort), schema, allowHidden, catalog, values);
        } catch (QueryError e) {
            throw QueryException.sort(e.detail(), e.position());
        }
    }

    private static List<Term.Column> selectColumns(TableSchema schema, List<String> names) {
        List<Term.Column> columns = new ArrayList<>();
        for (String name : names) {
            ColumnInfo column = schema.column(name);
            if (column == null) {
                throw new IllegalArgumentException("No column " + name + " in " + schema.table());
            }
            columns.add(new Term.Column(schema.table(), column.name(), Kind.of(column.kind())));
        }
        return columns;
    }
}
