package dev.basalt.bench;

import dev.basalt.query.FilterInput;
import dev.basalt.query.PageRequest;
import dev.basalt.query.PlanRenderer;
import dev.basalt.query.PlanTemplate;
import dev.basalt.query.PreparedSql;
import dev.basalt.query.QueryCompiler;
import dev.basalt.query.QueryPlan;
import dev.basalt.query.QuerySpec;
import dev.basalt.query.TableSchema;
import dev.basalt.query.internal.syntax.Expr;
import dev.basalt.query.internal.syntax.Parser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SelectQuery;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The query module's pipeline for one list request on {@code posts} (all columns, {@code sort=-created}, page 1 of
 * 20), in three stages:
 * <ul>
 *   <li>{@link #parse}: filter text to AST (lexer and parser);</li>
 *   <li>{@link #plan}: {@link QueryCompiler#plan}: parse, resolve against the schema, catalog and request, plan
 *       passes (simplify, sort, relation joins, page);</li>
 *   <li>{@link #compileAndRender}: the plan rendered by {@link PlanRenderer} to a jOOQ SELECT, then its SQL string
 *       and bound values, as jOOQ produces them before executing (PostgreSQL dialect, quoted names).</li>
 *   <li>{@link #compileAndTemplate}: the plan's {@link PlanTemplate} and its SQL rendered once, looked up by shape
 *       (what the records module does per request since reads round 3).</li>
 * </ul>
 * Filters: {@code simple} ({@code views > 500}), {@code medium} (or, and, a LIKE, a bool and a date) and
 * {@code rule}: a listRule reading {@code @request.auth.id} and the relation path {@code author.team.name}
 * (a LEFT JOIN chain posts → users → teams), for a signed-in user.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"})
public class FilterBenchmark {
    private static final Map<String, String> FILTERS = Map.of(
            "simple", "views > 500",
            "medium", "(title ~ 'abc' || views > 500) && published = true && created > '2024-01-01 00:00:00'",
            "rule", "@request.auth.id != '' && (author = @request.auth.id || author.team.name = 'core')");

    /** Which filter: simple, medium or rule. */
    @Param({"simple", "medium", "rule"})
    public String filter;

    private String expression;
    private QuerySpec spec;
    private final QueryCompiler compiler = new QueryCompiler();
    private final PlanRenderer renderer = new PlanRenderer();
    /** Like the server's: PostgreSQL dialect, default settings (quoted names); no connection needed to render. */
    private final DSLContext dsl = DSL.using(SQLDialect.POSTGRES);
    private final Map<QueryPlan, PreparedSql> prepared = new java.util.concurrent.ConcurrentHashMap<>();

    /** Builds the spec the records API would build for this filter (a rule as the listRule) and checks it compiles. */
    @Setup
    public void setUp() {
        expression = FILTERS.get(filter);
        FilterInput input = filter.equals("rule") ? FilterInput.rule(expression, "listRule")
                : FilterInput.filter(expression);
        TableSchema posts = Fixtures.postsSchema();
        List<String> columns = List.copyOf(posts.columns().keySet());
        spec = new QuerySpec(posts, columns, List.of(input), "-created", false, new PageRequest(1, 20),
                Fixtures.signedInUser(), Fixtures.catalog());
        // Fails the run early (QueryException) should a filter stop compiling.
        renderer.select(dsl, compiler.plan(spec)).getSQL();
        if (renderer.prepareSelect(dsl, PlanTemplate.of(compiler.plan(spec))) == null) {
            throw new IllegalStateException("the plan of " + filter + " is not rendered once");
        }
    }

    /** Filter text to AST only. */
    @Benchmark
    public Optional<Expr> parse() {
        return Parser.parse(expression);
    }

    /** Parse, resolve and plan: the {@link QueryPlan} of the list query. */
    @Benchmark
    public QueryPlan plan() {
        return compiler.plan(spec);
    }

    /** Parse, resolve, plan, then the SQL rendered once for the plan's shape and the values to bind. */
    @Benchmark
    public void compileAndTemplate(Blackhole bh) {
        PlanTemplate template = PlanTemplate.of(compiler.plan(spec));
        PreparedSql sql = prepared.computeIfAbsent(template.shape(), shape -> renderer.prepareSelect(dsl, template));
        bh.consume(sql.sql());
        bh.consume(template.values());
    }

    /** Parse, resolve, plan, render to a jOOQ query, then its SQL text and bound values. */
    @Benchmark
    public void compileAndRender(Blackhole bh) {
        SelectQuery<Record> query = renderer.select(dsl, compiler.plan(spec));
        bh.consume(query.getSQL());
        bh.consume(query.getBindValues());
    }
}
