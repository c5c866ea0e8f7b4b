package dev.basalt.query;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.BindContext;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The SQL of a {@link PlanTemplate}'s shape, rendered once by jOOQ, and which value each of its bind markers takes:
 * a slot of the template, or the shape's own row range. Run it on a JDBC statement with {@link #bind} (each value
 * bound by jOOQ with its SQL type, as a jOOQ-built query binds it). Immutable, thread-safe.
 */
public final class PreparedSql {
    /** Names of the row range's markers (part of the shape: pages differ in their shapes). */
    static final String OFFSET = PlanTemplate.Slot.PREFIX + "offset";
    static final String LIMIT = PlanTemplate.Slot.PREFIX + "limit";
    private static final int OFFSET_BIND = -1;
    private static final int LIMIT_BIND = -2;
    private static final Pattern MARKER = Pattern.compile(":(" + Pattern.quote(PlanTemplate.Slot.PREFIX)
            + "(\\d+|offset|limit))(?![A-Za-z0-9_])");

    private final String sql;
    private final int[] binds;
    private final long offset;
    private final long limit;
    private final Field<?>[] columns;

    private PreparedSql(String sql, int[] binds, long offset, long limit, Field<?>[] columns) {
        this.sql = sql;
        this.binds = binds;
        this.offset = offset;
        this.limit = limit;
        this.columns = columns;
    }

    /**
     * Reads the markers' order from jOOQ's rendering with named markers; null when that rendering, markers replaced
     * by {@code ?}, is not exactly jOOQ's own (an unnamed bound value the shape keeps, or anything unforeseen): such
     * a query is then built and run by jOOQ each time.
     */
    static PreparedSql of(DSLContext dsl, org.jooq.Query query, QueryPlanRange range, Field<?>[] columns) {
        String indexed = dsl.render(query);
        String named = dsl.renderNamedParams(query);
        Matcher m = MARKER.matcher(named);
        StringBuilder replaced = new StringBuilder(indexed.length());
        List<Integer> order = new ArrayList<>();
        while (m.find()) {
            String name = m.group(2);
            order.add(switch (name) {
                case "offset" -> OFFSET_BIND;
                case "limit" -> LIMIT_BIND;
                default -> Integer.parseInt(name);
            });
            m.appendReplacement(replaced, "?");
        }
        m.appendTail(replaced);
        if (!replaced.toString().equals(indexed) || order.size() != query.getBindValues().size()) {
            return null;
        }
        return new PreparedSql(indexed, order.stream().mapToInt(Integer::intValue).toArray(), range.offset(),
                range.limit(), columns);
    }

    /** The SQL text, bind markers as {@code ?}. */
    public String sql() {
        return sql;
    }

    /** The selected columns, typed, in order (for reading rows); empty for a count. */
    public Field<?>[] columns() {
        return columns.clone();
    }

    /** Binds the template's values (whose shape this SQL was rendered from) to the statement's markers. */
    public void bind(DSLContext dsl, PreparedStatement statement, PlanTemplate template) {
        BindContext context = dsl.bindContext(statement);
        for (int slot : binds) {
            switch (slot) {
                case OFFSET_BIND -> context.visit(DSL.val(offset, SQLDataType.BIGINT));
                case LIMIT_BIND -> context.visit(DSL.val(limit, SQLDataType.BIGINT));
                default -> context.visit(value(template.values().get(slot), template.types().get(slot)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Field<Object> value(Object value, DataType<?> type) {
        return DSL.val(value, (DataType<Object>) type);
    }

    /** The row range of a rendered select (offset and limit, as bound). */
    record QueryPlanRange(long offset, long limit) {
    }
}
