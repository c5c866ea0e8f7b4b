package dev.basalt.query.internal.render;

import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.RelationPath;
import dev.basalt.query.internal.ir.Term;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Renders the LEFT JOIN chain of a {@link Cond.RelationSource}, starting from the queried table's current row:
 * <ul>
 * <li>single relation: {@code LEFT JOIN t AS a_i ON a_i.id = prev.col}</li>
 * <li>multiple relation: {@code LEFT JOIN LATERAL unnest(prev.col) AS a_i_e(v) ON true LEFT JOIN t AS a_i ON
 *     a_i.id = a_i_e.v} (an empty array is one '' element, so it still yields one row of NULLs)</li>
 * <li>back relation: {@code LEFT JOIN t AS a_i ON a_i.col = prev.id} (or {@code prev.id = ANY(a_i.col)})</li>
 * <li>start: {@code LEFT JOIN t AS a_1 ON a_1.id = ANY(:ids)}, or {@code ON true} for every row</li>
 * </ul>
 */
final class RelationSourceRenderer {
    private static final String ID = "id";
    private static final String ELEMENTS_SUFFIX = "_e";

    private RelationSourceRenderer() {
    }

    static Table<?> join(Table<?> start, Cond.RelationSource source) {
        Table<?> table = start;
        String previous = source.path().root();
        int index = 1;
        for (RelationPath.Link link : source.path().links()) {
            String alias = source.linkAlias(index++);
            Table<?> target = GuardedTables.of(link.table(), link.guard(), alias);
            Field<String> id = text(alias, ID);
            table = switch (link) {
                case RelationPath.Forward f when f.multiple() -> {
                    String elements = alias + ELEMENTS_SUFFIX;
                    Table<?> joined = table.leftJoin(DSL.lateral(elements(previous, f.column(), elements)))
                            .on(DSL.trueCondition());
                    yield joined.leftJoin(target).on(id.eq(text(elements, TermRenderer.ELEMENT_COLUMN)));
                }
                case RelationPath.Forward f -> table.leftJoin(target).on(id.eq(text(previous, f.column())));
                case RelationPath.Back b -> table.leftJoin(target).on(back(b, alias, previous));
                case RelationPath.Start s -> table.leftJoin(target).on(s.ids() == null ? DSL.trueCondition()
                        : id.eq(DSL.any(DSL.val(s.ids().toArray(String[]::new), SQLDataType.CLOB.array()))));
            };
            previous = alias;
        }
        if (source.elements() != null) {
            table = table.leftJoin(DSL.lateral(elements(previous, source.elements(), source.alias())))
                    .on(DSL.trueCondition());
        }
        return table;
    }

    private static Condition back(RelationPath.Back b, String alias, String previous) {
        Field<String> previousId = text(previous, ID);
        if (b.columnMultiple()) {
            return previousId.eq(DSL.any(DSL.field(DSL.name(alias, b.column()), SQLDataType.CLOB.array())));
        }
        return text(alias, b.column()).eq(previousId);
    }

    private static Table<?> elements(String table, String column, String alias) {
        Term array = new Term.BlankIfEmpty(new Term.Column(table, column, Kind.TEXT_ARRAY));
        return ConditionRenderer.unnest(TermRenderer.render(array), alias);
    }

    private static Field<String> text(String table, String column) {
        return DSL.field(DSL.name(table, column), SQLDataType.CLOB);
    }
}
