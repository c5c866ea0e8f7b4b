package dev.basalt.query.internal.resolve;

import dev.basalt.query.ColumnInfo;
import dev.basalt.query.TableCatalog;
import dev.basalt.query.TableSchema;
import dev.basalt.query.internal.QueryError;
import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.SortKey;
import dev.basalt.query.internal.ir.Term;
import dev.basalt.query.internal.syntax.Expr;
import dev.basalt.query.internal.syntax.Operator;
import dev.basalt.query.internal.syntax.SortParser.SortItem;
import java.util.ArrayList;
import java.util.List;

/** The resolve stage: AST plus table schema plus request values to the typed IR. */
public final class Resolver {
    private static final String RANDOM = "@random";

    private final TableSchema schema;
    private final OperandResolver operands;

    /** A resolver for expressions over {@code schema}; hidden columns resolve only when {@code allowHidden}. */
    public Resolver(TableSchema schema, RequestValues request, boolean allowHidden) {
        this(schema, request, allowHidden, TableCatalog.EMPTY);
    }

    /** A resolver that also follows relation paths into the tables of {@code catalog}. */
    public Resolver(TableSchema schema, RequestValues request, boolean allowHidden, TableCatalog catalog) {
        this.schema = schema;
        this.operands = new OperandResolver(schema, request, new Reach(catalog, allowHidden, request));
    }

    /** The condition of a whole filter expression (its {@code @collection} any-of references share their rows). */
    public Cond resolve(Expr expr) {
        return operands.collections().wrap(condition(expr));
    }

    private Cond condition(Expr expr) {
        return switch (expr) {
            case Expr.And and -> {
                List<Cond> items = new ArrayList<>();
                flatten(condition(and.left()), items, true);
                flatten(condition(and.right()), items, true);
                yield new Cond.AllOf(items);
            }
            case Expr.Or or -> {
                List<Cond> items = new ArrayList<>();
                flatten(condition(or.left()), items, false);
                flatten(condition(or.right()), items, false);
                yield new Cond.AnyOf(items);
            }
            case Expr.Group group -> condition(group.inner());
            case Expr.Comparison c -> comparison(c);
        };
    }

    private Cond comparison(Expr.Comparison c) {
        ResolvedOperand left = operands.resolve(c.left(), c.anyOf());
        ResolvedOperand right = operands.resolve(c.right(), c.anyOf());
        if (left instanceof ResolvedOperand.Condition cond) {
            return truth(cond, c, right);
        }
        if (right instanceof ResolvedOperand.Condition cond) {
            return truth(cond, c, left);
        }
        return Comparisons.build(left, c.operator(), c.anyOf(), right);
    }

    /** A yes/no operand compared with true or false (e.g. {@code @request.body.role:changed = false}). */
    private static Cond truth(ResolvedOperand.Condition cond, Expr.Comparison c, ResolvedOperand other) {
        Boolean value = other instanceof ResolvedOperand.Scalar s && s.term() instanceof Term.Value v
                ? BoundValues.coerce(v, Kind.BOOL).map(b -> (Boolean) b.value()).orElse(null) : null;
        boolean equality = c.operator() == Operator.EQ || c.operator() == Operator.NEQ;
        if (value == null || !equality) {
            throw new QueryError("a \":changed\" field can only be compared with = or != to true or false",
                    c.position());
        }
        return value == (c.operator() == Operator.EQ) ? cond.whenTrue() : cond.whenFalse();
    }

    private static void flatten(Cond cond, List<Cond> into, boolean and) {
        if (and && cond instanceof Cond.AllOf all) {
            into.addAll(all.items());
        } else if (!and && cond instanceof Cond.AnyOf any) {
            into.addAll(any.items());
        } else {
            into.add(cond);
        }
    }

    /**
     * The sort keys of parsed sort items; hidden columns only when {@code allowHidden}, otherwise related rows only
     * through their guards (see {@link Reach}), for the request {@code request}.
     */
    public static List<SortKey> sortKeys(List<SortItem> items, TableSchema schema, boolean allowHidden,
                                         TableCatalog catalog, RequestValues request) {
        Reach reach = new Reach(catalog, allowHidden, request);
        List<SortKey> keys = new ArrayList<>();
        for (SortItem item : items) {
            Term term = sortTerm(item, schema, reach);
            keys.add(new SortKey(term, item.descending(), isKey(term, schema)));
        }
        return keys;
    }

    /** True for the table's own key column (never NULL), see {@link TableSchema#key()}. */
    public static boolean isKey(Term term, TableSchema schema) {
        return schema.key() != null && term instanceof Term.Column c && c.table().equals(schema.table())
                && c.column().equals(schema.key());
    }

    private static Term sortTerm(SortItem item, TableSchema schema, Reach reach) {
        String field = item.field();
        if (field.equals(RANDOM)) {
            return new Term.Random();
        }
        if (!field.startsWith("@") && field.indexOf('.') >= 0) {
            if (RelationPaths.resolve(field, item.position(), schema, reach) instanceof ResolvedOperand.Scalar s) {
                return s.term();
            }
            throw new QueryError("cannot sort by the multi-valued " + QueryError.quote(field), item.position());
        }
        ColumnInfo column = schema.column(field);
        if (column == null || (column.hidden() && !reach.allowHidden())) {
            throw new QueryError("unknown sort field " + QueryError.quote(field), item.position());
        }
        Term term = new Term.Column(schema.table(), column.name(), Kind.of(column.kind()));
        String shownIf = reach.allowHidden() ? null : column.shownIf();
        return RelationPaths.masked(term, shownIf == null ? null : new Term.Column(schema.table(), shownIf, Kind.BOOL));
    }

    /** The table this resolver reads. */
    public TableSchema schema() {
        return schema;
    }
}
