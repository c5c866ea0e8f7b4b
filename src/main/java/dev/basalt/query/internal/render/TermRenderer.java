package dev.basalt.query.internal.render;

import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.Term;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Renders IR terms as jOOQ fields: names through {@link DSL#name}, values from the expression and the request bound
 * with {@link DSL#val}. Only the compiler's own constants are inlined ('', '%', the datetime pattern, JSON type names).
 */
public final class TermRenderer {
    /** The column name of an unnested array's elements. */
    public static final String ELEMENT_COLUMN = "v";
    /** PostgreSQL's to_char pattern of {@link dev.basalt.query.internal.resolve.DateTexts#FORMAT}. */
    private static final String DATE_TEXT_PATTERN = "YYYY-MM-DD HH24:MI:SS.MS\"Z\"";
    private static final DataType<String[]> TEXT_ARRAY = SQLDataType.CLOB.array();

    private TermRenderer() {
    }

    /** The jOOQ field of a term. */
    public static Field<?> render(Term term) {
        return switch (term) {
            case Term.Column c -> DSL.field(DSL.name(c.table(), c.column()), dataType(c.kind()));
            case Term.Value v -> value(v);
            case Term.TextOf t -> textOf(t.inner());
            case Term.Lower l -> DSL.lower(text(render(l.inner())));
            case Term.JsonScalar j -> jsonScalar(j);
            case Term.Element e -> DSL.field(DSL.name(e.alias(), ELEMENT_COLUMN), SQLDataType.CLOB);
            case Term.Length l -> DSL.coalesce(DSL.cardinality(array(render(l.array()))), DSL.inline(0));
            case Term.BlankIfEmpty b -> blankIfEmpty(b.array());
            case Term.ContainsPattern p -> DSL.inline("%").concat(text(render(p.inner()))).concat(DSL.inline("%"));
            case Term.EmptyIfNull e -> DSL.coalesce(text(render(e.inner())), DSL.inline(""));
            case Term.Random r -> DSL.rand();
            case Term.Masked m -> DSL.when(DSL.field("{0}", SQLDataType.BOOLEAN, render(m.shown())).isTrue(),
                    any(render(m.value())));
            case Term.JsonMember j -> DSL.field("({0} #> {1})", SQLDataType.JSONB, render(j.json()),
                    DSL.val(j.keys().toArray(String[]::new), TEXT_ARRAY));
            case Term.GeoDistance g -> Haversine.kilometres(number(render(g.lonA())), number(render(g.latA())),
                    number(render(g.lonB())), number(render(g.latB())));
            case Term.Strftime s -> TimeRenderer.strftime(s);
            case Term.TimeOfNumber n -> TimeRenderer.fromNumber(n);
            case Term.Related r -> throw new IllegalStateException("relation path not joined by the plan: " + r);
        };
    }

    /** The SQL type of values of a kind. */
    public static DataType<?> dataType(Kind kind) {
        return switch (kind) {
            case TEXT, NULL -> SQLDataType.CLOB;
            case NUMBER -> SQLDataType.DOUBLE;
            case BOOL -> SQLDataType.BOOLEAN;
            case DATE -> SQLDataType.TIMESTAMPWITHTIMEZONE;
            case JSON -> SQLDataType.JSONB;
            case TEXT_ARRAY -> TEXT_ARRAY;
        };
    }

    @SuppressWarnings("unchecked")
    private static Field<?> value(Term.Value v) {
        if (v.value() instanceof dev.basalt.query.PlanTemplate.Slot slot) { // a value bound when the SQL runs
            return DSL.param(slot.name(), (DataType<Object>) dataType(v.kind()));
        }
        return DSL.val(v.value(), (DataType<Object>) dataType(v.kind()));
    }

    private static Field<String> textOf(Term inner) {
        Field<?> f = render(inner);
        return switch (inner.kind()) {
            case TEXT, NULL -> text(f);
            case DATE -> DSL.toChar(DSL.field("{0} at time zone 'UTC'", SQLDataType.LOCALDATETIME, f),
                    DSL.inline(DATE_TEXT_PATTERN));
            case JSON -> jsonText(f);
            default -> DSL.cast(f, SQLDataType.CLOB);
        };
    }

    /** A JSON value's scalar text: a string without quotes, other values as JSON text, NULL for JSON null. */
    private static Field<String> jsonText(Field<?> json) {
        return DSL.field("({0} #>> '{}')", SQLDataType.CLOB, json);
    }

    private static Field<?> jsonScalar(Term.JsonScalar j) {
        Field<?> json = render(j.json());
        String jsonType = j.kind() == Kind.NUMBER ? "number" : "boolean";
        DataType<?> type = dataType(j.kind());
        return DSL.when(DSL.function("jsonb_typeof", SQLDataType.CLOB, json).eq(DSL.inline(jsonType)),
                DSL.cast(jsonText(json), type));
    }

    private static Field<String[]> blankIfEmpty(Term arrayTerm) {
        if (arrayTerm instanceof Term.Value v && v.value() instanceof String[] values) {
            String[] normalized = values.length == 0 ? new String[] {""} : values;
            return DSL.val(normalized, TEXT_ARRAY);
        }
        Field<String[]> array = array(render(arrayTerm));
        return DSL.when(DSL.coalesce(DSL.cardinality(array), DSL.inline(0)).eq(DSL.inline(0)),
                DSL.inline(new String[] {""}, TEXT_ARRAY)).else_(array);
    }

    @SuppressWarnings("unchecked")
    static Field<String> text(Field<?> f) {
        return (Field<String>) f;
    }

    @SuppressWarnings("unchecked")
    static Field<Double> number(Field<?> f) {
        return (Field<Double>) f;
    }

    @SuppressWarnings("unchecked")
    static Field<String[]> array(Field<?> f) {
        return (Field<String[]>) f;
    }

    /** The field typed as Object, for comparisons between fields whose types the IR already matched. */
    @SuppressWarnings("unchecked")
    static Field<Object> any(Field<?> f) {
        return (Field<Object>) f;
    }
}
