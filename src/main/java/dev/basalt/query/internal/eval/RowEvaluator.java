package dev.basalt.query.internal.eval;

import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.Term;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a resolved condition against one row in memory, with SQL's three-valued logic and the same results as
 * the rendered SQL. {@link #supports} says, before any row, whether a condition can be evaluated here: it must read
 * only the given table's own columns and bound values, and avoid what depends on the database's collation or JSON
 * formatting (text ordering, JSON terms). Values that only the database formats the same way (non-ASCII case
 * folding, unusual number texts) make {@link #evaluate} answer empty: ask the database instead.
 */
public final class RowEvaluator {
    private final String table;
    private final Map<String, Object> row;
    private final Map<String, Object> elements = new HashMap<>();

    /** Thrown inside an evaluation when only the database can answer for this row. */
    static final class NotInMemory extends RuntimeException {
        NotInMemory() {
            super(null, null, false, false);
        }
    }

    private RowEvaluator(String table, Map<String, Object> row) {
        this.table = table;
        this.row = row;
    }

    /** True when {@code cond} can be evaluated in memory over rows of {@code table}. */
    public static boolean supports(Cond cond, String table) {
        return SupportCheck.condition(cond, table);
    }

    /**
     * True or false as the SQL WHERE would decide (NULL counts as false); empty when only the database can tell.
     *
     * @param row column values by name (TEXT String, NUMBER Number, BOOL Boolean, DATE OffsetDateTime,
     *            TEXT_ARRAY String[] or List)
     */
    public static Optional<Boolean> evaluate(Cond cond, String table, Map<String, Object> row) {
        try {
            return Optional.of(Boolean.TRUE.equals(new RowEvaluator(table, row).cond(cond)));
        } catch (NotInMemory e) {
            return Optional.empty();
        }
    }

    private Boolean cond(Cond c) {
        return switch (c) {
            case Cond.AllOf all -> and(all.items());
            case Cond.AnyOf any -> or(any.items());
            case Cond.Compare cmp -> Comparisons.compare(term(cmp.left()), cmp.op(), term(cmp.right()));
            case Cond.IsEmpty e -> isEmpty(Texts.text(term(e.term())), e.negated());
            case Cond.IsNull n -> (term(n.term()) == null) != n.negated();
            case Cond.Quantified q -> quantified(q);
            case Cond.Constant k -> k.value();
        };
    }

    private Boolean and(List<Cond> items) {
        boolean unknown = false;
        for (Cond item : items) {
            Boolean v = cond(item);
            if (Boolean.FALSE.equals(v)) {
                return false;
            }
            unknown |= v == null;
        }
        return unknown ? null : true;
    }

    private Boolean or(List<Cond> items) {
        boolean unknown = false;
        for (Cond item : items) {
            Boolean v = cond(item);
            if (Boolean.TRUE.equals(v)) {
                return true;
            }
            unknown |= v == null;
        }
        return unknown ? null : false;
    }

    private static boolean isEmpty(String text, boolean negated) {
        boolean empty = text == null || text.isEmpty();
        return negated != empty;
    }

    private boolean quantified(Cond.Quantified q) {
        boolean any = q.quantifier() == Cond.Quantifier.ANY;
        boolean found = combinations(q.sources(), 0, q.body(), any);
        return any == found;
    }

    /** ANY: is there a combination where the body is true? EVERY: is there one where it is not true? */
    private boolean combinations(List<Cond.Source> sources, int index, Cond body, boolean lookForTrue) {
        if (index == sources.size()) {
            boolean isTrue = Boolean.TRUE.equals(cond(body));
            return lookForTrue == isTrue;
        }
        if (!(sources.get(index) instanceof Cond.ArraySource source)) {
            throw new NotInMemory();
        }
        for (Object element : Texts.elements(term(source.array()))) {
            elements.put(source.alias(), element);
            if (combinations(sources, index + 1, body, lookForTrue)) {
                return true;
            }
        }
        return false;
    }

    private Object term(Term t) {
        return switch (t) {
            case Term.Column c -> column(c);
            case Term.Related r -> throw new NotInMemory();
            case Term.JsonMember j -> throw new NotInMemory();
            case Term.GeoDistance g -> throw new NotInMemory();
            case Term.Strftime f -> throw new NotInMemory();
            case Term.TimeOfNumber n -> throw new NotInMemory();
            case Term.Value v -> v.value();
            case Term.TextOf x -> Texts.textOf(term(x.inner()), x.inner().kind());
            case Term.Lower l -> Texts.lower(Texts.text(term(l.inner())));
            case Term.Element e -> elements.get(e.alias());
            case Term.Length l -> (double) Texts.elements(term(l.array())).size();
            case Term.BlankIfEmpty b -> {
                List<Object> items = Texts.elements(term(b.array()));
                yield items.isEmpty() ? List.of("") : items;
            }
            case Term.ContainsPattern p -> {
                String inner = Texts.text(term(p.inner()));
                yield inner == null ? null : "%" + inner + "%";
            }
            case Term.EmptyIfNull e -> {
                String inner = Texts.text(term(e.inner()));
                yield inner == null ? "" : inner;
            }
            case Term.JsonScalar j -> throw new NotInMemory();
            case Term.Random r -> throw new NotInMemory();
            case Term.Masked m -> throw new NotInMemory();
        };
    }

    private Object column(Term.Column c) {
        if (!c.table().equals(table) || c.kind() == Kind.JSON) {
            throw new NotInMemory();
        }
        return row.get(c.column());
    }
}
