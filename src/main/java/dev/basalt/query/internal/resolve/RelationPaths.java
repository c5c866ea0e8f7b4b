package dev.basalt.query.internal.resolve;

import dev.basalt.query.ColumnInfo;
import dev.basalt.query.ColumnKind;
import dev.basalt.query.QueryLimits;
import dev.basalt.query.TableCatalog;
import dev.basalt.query.TableSchema;
import dev.basalt.query.internal.QueryError;
import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.RelationPath;
import dev.basalt.query.internal.ir.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves dotted field paths through relations against the related tables' schemas: {@code author.name} follows
 * a relation column, {@code comments_via_post.message} goes back through table {@code comments}' relation column
 * {@code post}. Hidden columns on the way (relation or last column) resolve only when hidden columns are allowed;
 * without hidden access every step carries the guard of the table it arrives at ({@link Reach#guard}) and a column
 * with a visibility condition ({@code ColumnInfo.shownIf}) is {@link Term.Masked}.
 */
final class RelationPaths {
    private static final Pattern VIA = Pattern.compile("^(\\w+)_via_(\\w+)$");

    private RelationPaths() {
    }

    static ResolvedOperand resolve(String path, int position, TableSchema root, Reach reach) {
        return resolve(path, position, root.table(), List.of(), root, reach);
    }

    /**
     * Resolves {@code path} from table {@code from}, reached from the queried table {@code rootTable} by the links
     * {@code start} (none: {@code from} is the queried table). Paths with start links always resolve to
     * {@link ResolvedOperand.Multi} (they are checked in a subquery, never joined to the queried rows).
     */
    static ResolvedOperand resolve(String path, int position, String rootTable, List<RelationPath.Link> start,
                                   TableSchema from, Reach reach) {
        TableCatalog catalog = reach.catalog();
        boolean allowHidden = reach.allowHidden();
        String[] props = path.split("\\.", -1);
        TableSchema current = from;
        List<RelationPath.Link> links = new ArrayList<>(start);
        for (int i = 0; i < props.length - 1; i++) {
            if (links.size() >= QueryLimits.MAX_RELATION_DEPTH) {
                throw new QueryError("more than " + QueryLimits.MAX_RELATION_DEPTH + " nested relations in "
                        + QueryError.quote(path), position);
            }
            String prop = props[i];
            ColumnInfo column = current.column(prop);
            if (column != null && column.kind() == ColumnKind.JSON && column.relation() == null
                    && (!column.hidden() || allowHidden)) {
                return jsonMember(path, position, rootTable, start, current, links, column, props, i + 1);
            }
            if (column != null) {
                if ((column.hidden() && !allowHidden) || column.relation() == null) {
                    throw unknown(prop, path, position);
                }
                TableSchema next = catalog.table(column.relation());
                if (next == null || !reach.reachable(next.table())) {
                    throw unknown(prop, path, position);
                }
                links.add(new RelationPath.Forward(column.name(), next.table(),
                        column.kind() == ColumnKind.TEXT_ARRAY, reach.guard(next.table())));
                current = next;
                continue;
            }
            Matcher via = VIA.matcher(prop);
            TableSchema back = via.matches() ? catalog.table(via.group(1)) : null;
            ColumnInfo backColumn = back == null ? null : back.column(via.group(2));
            if (backColumn == null || !current.table().equals(backColumn.relation())
                    || (backColumn.hidden() && !allowHidden) || !reach.reachable(back.table())) {
                throw unknown(prop, path, position);
            }
            links.add(new RelationPath.Back(back.table(), backColumn.name(),
                    backColumn.kind() == ColumnKind.TEXT_ARRAY, reach.guard(back.table())));
            current = back;
        }
        String last = props[props.length - 1];
        ColumnInfo column = current.column(last);
        if (column == null || (column.hidden() && !allowHidden)) {
            throw unknown(last, path, position);
        }
        Kind kind = Kind.of(column.kind());
        String shownIf = allowHidden ? null : column.shownIf();
        if (links.isEmpty()) {
            Term term = masked(new Term.Column(current.table(), column.name(), kind),
                    shownIf == null ? null : new Term.Column(current.table(), shownIf, Kind.BOOL));
            return kind == Kind.TEXT_ARRAY ? new ResolvedOperand.Array(term, false) : new ResolvedOperand.Scalar(term);
        }
        RelationPath relationPath = new RelationPath(rootTable, links);
        if (!start.isEmpty() || !relationPath.toOne()) {
            return new ResolvedOperand.Multi(relationPath, column.name(), kind, false, shownIf);
        }
        Term term = masked(new Term.Related(relationPath, column.name(), kind),
                shownIf == null ? null : new Term.Related(relationPath, shownIf, Kind.BOOL));
        return kind == Kind.TEXT_ARRAY ? new ResolvedOperand.Array(term, false) : new ResolvedOperand.Scalar(term);
    }

    /** The column's term, readable only where {@code shown} holds when the column has a visibility condition. */
    static Term masked(Term value, Term shown) {
        return shown == null ? value : new Term.Masked(value, shown);
    }

    /** {@code location.lon}: the keys after a JSON column (e.g. a geoPoint) select a member of its value. */
    private static ResolvedOperand jsonMember(String path, int position, String rootTable,
                                              List<RelationPath.Link> start, TableSchema table,
                                              List<RelationPath.Link> links, ColumnInfo column, String[] props,
                                              int firstKey) {
        RelationPath relationPath = new RelationPath(rootTable, links);
        if (!start.isEmpty() || !relationPath.toOne()) {
            throw new QueryError("JSON members through multi-valued relations are not supported ("
                    + QueryError.quote(path) + ")", position);
        }
        Term json = links.isEmpty() ? new Term.Column(table.table(), column.name(), Kind.JSON)
                : new Term.Related(relationPath, column.name(), Kind.JSON);
        List<String> keys = List.of(props).subList(firstKey, props.length);
        return new ResolvedOperand.Scalar(new Term.JsonMember(json, keys));
    }

    private static QueryError unknown(String prop, String path, int position) {
        return new QueryError("unknown field " + QueryError.quote(prop) + " in " + QueryError.quote(path), position);
    }
}
