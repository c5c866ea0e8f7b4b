package dev.basalt.query.internal.resolve;

import dev.basalt.query.ColumnInfo;
import dev.basalt.query.TableCatalog;
import dev.basalt.query.TableSchema;
import dev.basalt.query.internal.QueryError;
import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.RelationPath;
import dev.basalt.query.internal.ir.Term;
import dev.basalt.query.internal.syntax.Expr;
import dev.basalt.query.internal.syntax.Operator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code @request.*} identifiers: {@code method} and {@code context} (text), {@code query.*} and
 * {@code headers.*} (text, null when absent), {@code body.*} (the submitted value; {@code body.rel.field} follows the
 * submitted ids of a relation field), {@code auth.*} (the signed-in record's values; {@code auth.rel.field} follows
 * its relations through the auth collection's table). {@code :isset} tells whether a body, query or header key was
 * sent; {@code @request.body.f:changed} whether field f was sent with a value other than the stored one. Like
 * PocketBase, a missing value or unresolvable auth path reads as null; without a request (rule validation) any key
 * is accepted.
 */
final class RequestPaths {
    /** Auth fields never readable through {@code @request.auth.*}. */
    private static final Set<String> SECRET_AUTH_FIELDS = Set.of("password", "tokenKey");

    private final TableSchema schema;
    private final RequestValues request;
    private final boolean allowHidden;
    private final TableCatalog catalog;
    private final Reach reach;

    RequestPaths(TableSchema schema, RequestValues request, Reach reach) {
        this.schema = schema;
        this.request = request;
        this.allowHidden = reach.allowHidden();
        this.catalog = reach.catalog();
        this.reach = reach;
    }

    /** The operand of a {@code @request} identifier, its modifiers applied. */
    ResolvedOperand resolve(Expr.Identifier id) {
        String[] parts = id.path().split("\\.", 3);
        String root = parts.length > 1 ? parts[1] : "";
        String key = parts.length > 2 ? parts[2] : null;
        List<String> modifiers = new ArrayList<>(id.modifiers());
        ResolvedOperand operand = switch (root) {
            case "method" -> bare(id, key, request.info().method());
            case "context" -> bare(id, key, request.info().context());
            case "query" -> keyed(id, key, modifiers, request.info().query());
            case "headers" -> keyed(id, key, modifiers, request.info().headers());
            case "body" -> body(id, key, modifiers);
            case "auth" -> auth(id, key);
            default -> throw new QueryError("unknown field " + QueryError.quote(id.path()), id.position());
        };
        int first = id.modifiers().size() - modifiers.size();
        for (int i = 0; i < modifiers.size(); i++) {
            operand = Modifiers.apply(operand, modifiers.get(i), id.modifierPosition(first + i));
        }
        return operand;
    }

    private static ResolvedOperand bare(Expr.Identifier id, String key, String value) {
        if (key != null) {
            throw new QueryError("unknown field " + QueryError.quote(id.path()), id.position());
        }
        return bound(value);
    }

    private ResolvedOperand keyed(Expr.Identifier id, String key, List<String> modifiers, Map<String, ?> values) {
        String name = requireKey(id, key);
        if (takeFirst(modifiers, "isset")) {
            return bound(values.containsKey(name));
        }
        return bound(values.get(name));
    }

    private ResolvedOperand body(Expr.Identifier id, String key, List<String> modifiers) {
        String name = requireKey(id, key);
        Map<String, Object> body = request.info().body();
        if (name.indexOf('.') >= 0) {
            return bodyRelation(id, name);
        }
        if (takeFirst(modifiers, "isset")) {
            return bound(body.containsKey(name));
        }
        if (takeFirst(modifiers, "changed")) {
            return changed(id, name, body);
        }
        return bound(body.get(name));
    }

    /** {@code @request.body.f:changed}: sent, and different from the stored value of field f. */
    private ResolvedOperand changed(Expr.Identifier id, String name, Map<String, Object> body) {
        ColumnInfo column = schema.column(name);
        if (column == null || (column.hidden() && !allowHidden)) {
            throw new QueryError("modifier \":changed\" needs a field of the collection, not "
                    + QueryError.quote(name), id.position());
        }
        if (!body.containsKey(name)) {
            return new ResolvedOperand.Condition(new Cond.Constant(false), new Cond.Constant(true));
        }
        Term stored = new Term.Column(schema.table(), column.name(), Kind.of(column.kind()));
        Object sent = body.get(name);
        if (stored.kind() == Kind.TEXT_ARRAY) {
            Term.Value array = new Term.Value(asArray(sent), Kind.TEXT_ARRAY);
            return new ResolvedOperand.Condition(new Cond.Compare(stored, Cond.CompareOp.DISTINCT, array),
                    new Cond.Compare(stored, Cond.CompareOp.NOT_DISTINCT, array));
        }
        Term.Value value = BoundValues.of(sent instanceof Collection<?> c && c.size() == 1 ? c.iterator().next() : sent);
        return new ResolvedOperand.Condition(Comparisons.scalar(stored, Operator.NEQ, value),
                Comparisons.scalar(stored, Operator.EQ, value));
    }

    private static String[] asArray(Object sent) {
        Term.Value v = BoundValues.of(sent);
        if (v.value() == null) {
            return new String[0];
        }
        return v.value() instanceof String[] a ? a : new String[] {BoundValues.asText(v.value())};
    }

    /** {@code @request.body.rel.field...}: the records whose ids were submitted in relation field rel. */
    private ResolvedOperand bodyRelation(Expr.Identifier id, String name) {
        int dot = name.indexOf('.');
        String field = name.substring(0, dot);
        ColumnInfo column = schema.column(field);
        TableSchema target = column == null || column.relation() == null ? null : catalog.table(column.relation());
        if (target == null || (column.hidden() && !allowHidden)) {
            throw new QueryError("unknown relation field " + QueryError.quote(field) + " in "
                    + QueryError.quote(id.path()), id.position());
        }
        List<String> ids = List.of(asArray(request.info().body().get(field)));
        RelationPath.Start start = new RelationPath.Start(target.table(), ids, reach.guard(target.table()));
        return RelationPaths.resolve(name.substring(dot + 1), id.position(), schema.table(), List.of(start),
                target, reach);
    }

    private ResolvedOperand auth(Expr.Identifier id, String key) {
        if (key == null) {
            throw new QueryError("\"@request.auth\" needs a field, e.g. @request.auth.id", id.position());
        }
        String first = key.split("\\.", 2)[0];
        if (SECRET_AUTH_FIELDS.contains(first)) {
            return bound(null);
        }
        if (key.indexOf('.') < 0 && (request.hasAuth(key) || !request.signedIn())) {
            return bound(request.auth(key));
        }
        TableSchema authTable = request.signedIn() ? catalog.table(String.valueOf(request.auth("collectionName")))
                : null;
        if (authTable == null) {
            return bound(null); // anonymous, validation, or an unknown collection: PocketBase's NULL
        }
        RelationPath.Start start = new RelationPath.Start(authTable.table(), List.of((String) request.auth("id")),
                reach.guard(authTable.table()));
        try {
            return RelationPaths.resolve(key, id.position(), schema.table(), List.of(start), authTable, reach);
        } catch (QueryError e) {
            return bound(null); // a field the auth record does not have, or may not show
        }
    }

    private static String requireKey(Expr.Identifier id, String key) {
        if (key == null || key.isEmpty()) {
            throw new QueryError(QueryError.quote(id.path()) + " needs a key, e.g. " + id.path() + ".name",
                    id.position());
        }
        return key;
    }

    private static boolean takeFirst(List<String> modifiers, String name) {
        if (!modifiers.isEmpty() && modifiers.getFirst().equals(name)) {
            modifiers.removeFirst();
            return true;
        }
        return false;
    }

    private static ResolvedOperand bound(Object javaValue) {
        Term.Value value = BoundValues.of(javaValue);
        return value.kind() == Kind.TEXT_ARRAY ? new ResolvedOperand.Array(value, false)
                : new ResolvedOperand.Scalar(value);
    }
}
