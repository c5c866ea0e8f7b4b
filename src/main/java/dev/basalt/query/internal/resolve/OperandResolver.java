package dev.basalt.query.internal.resolve;

import dev.basalt.query.ColumnInfo;
import dev.basalt.query.TableCatalog;
import dev.basalt.query.TableSchema;
import dev.basalt.query.internal.QueryError;
import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.Term;
import dev.basalt.query.internal.syntax.Expr;
import java.util.Set;

/**
 * Resolves AST operands against the table and the request: fields to columns (hidden ones only when allowed,
 * otherwise exactly like unknown fields), literals, macros, placeholders and {@code @request.*} to bound values,
 * then applies modifiers ({@code :lower}, {@code :length}).
 */
final class OperandResolver {
    /** {@code @request.*} roots PocketBase has that are not supported yet. */
    private static final Set<String> LATER_REQUEST_ROOTS = Set.of("body", "query", "headers", "method", "context");

    private final TableSchema schema;
    private final RequestValues request;
    private final boolean allowHidden;
    private final TableCatalog catalog;

    OperandResolver(TableSchema schema, RequestValues request, boolean allowHidden, TableCatalog catalog) {
        this.schema = schema;
        this.catalog = catalog;
        this.request = request;
        this.allowHidden = allowHidden;
    }

    ResolvedOperand resolve(Expr.Operand operand) {
        return switch (operand) {
            case Expr.StringLit s -> scalar(s.value(), Kind.TEXT);
            case Expr.NumberLit n -> scalar(n.value(), Kind.NUMBER);
            case Expr.BoolLit b -> scalar(b.value(), Kind.BOOL);
            case Expr.NullLit n -> scalar(null, Kind.NULL);
            case Expr.Macro m -> new ResolvedOperand.Scalar(Macros.value(m.name(), request.clock()).orElseThrow(
                    () -> new QueryError("unknown macro " + QueryError.quote(m.name()), m.position())));
            case Expr.Placeholder p -> placeholder(p);
            case Expr.Identifier id -> modifiers(id, identifier(id));
            case Expr.FunctionCall call -> FilterFunctions.call(call, this::resolve);
        };
    }

    private static ResolvedOperand scalar(Object value, Kind kind) {
        return new ResolvedOperand.Scalar(new Term.Value(value, kind));
    }

    private ResolvedOperand placeholder(Expr.Placeholder p) {
        if (!request.hasPlaceholder(p.name())) {
            throw new QueryError("unknown placeholder " + QueryError.quote("{:" + p.name() + "}"), p.position());
        }
        return bound(request.placeholder(p.name()));
    }

    private static ResolvedOperand bound(Object javaValue) {
        Term.Value value = BoundValues.of(javaValue);
        return value.kind() == Kind.TEXT_ARRAY ? new ResolvedOperand.Array(value, false) : new ResolvedOperand.Scalar(value);
    }

    private ResolvedOperand identifier(Expr.Identifier id) {
        String path = id.path();
        if (path.equals("@collection") || path.startsWith("@collection.")) {
            throw new QueryError("@collection references are not supported yet (" + QueryError.quote(path) + ")",
                    id.position());
        }
        if (path.equals("@request") || path.startsWith("@request.")) {
            return requestPath(id);
        }
        if (path.indexOf('.') >= 0) {
            return RelationPaths.resolve(path, id.position(), schema, catalog, allowHidden);
        }
        ColumnInfo column = schema.column(path);
        if (column == null || (column.hidden() && !allowHidden)) {
            throw new QueryError("unknown field " + QueryError.quote(path), id.position());
        }
        Term.Column term = new Term.Column(schema.table(), column.name(), Kind.of(column.kind()));
        return term.kind() == Kind.TEXT_ARRAY ? new ResolvedOperand.Array(term, false) : new ResolvedOperand.Scalar(term);
    }

    private ResolvedOperand requestPath(Expr.Identifier id) {
        String[] parts = id.path().split("\\.");
        String root = parts.length > 1 ? parts[1] : "";
        if (root.equals("auth")) {
            if (parts.length == 2) {
                throw new QueryError("\"@request.auth\" needs a field, e.g. @request.auth.id", id.position());
            }
            if (parts.length > 3) {
                throw new QueryError("relation paths are not supported yet (" + QueryError.quote(id.path()) + ")",
                        id.position());
            }
            return bound(request.auth(parts[2]));
        }
        if (LATER_REQUEST_ROOTS.contains(root)) {
            throw new QueryError(QueryError.quote("@request." + root) + " is not supported yet", id.position());
        }
        throw new QueryError("unknown field " + QueryError.quote(id.path()), id.position());
    }

    private static ResolvedOperand modifiers(Expr.Identifier id, ResolvedOperand operand) {
        ResolvedOperand result = operand;
        for (int i = 0; i < id.modifiers().size(); i++) {
            String modifier = id.modifiers().get(i);
            int position = id.modifierPosition(i);
            result = switch (modifier) {
                case "lower" -> switch (result) {
                    case ResolvedOperand.Scalar s -> new ResolvedOperand.Scalar(new Term.Lower(Comparisons.textForm(s.term())));
                    case ResolvedOperand.Array a -> new ResolvedOperand.Array(a.array(), true);
                    case ResolvedOperand.Multi m -> new ResolvedOperand.Multi(m.path(), m.column(), m.kind(), true);
                };
                case "length" -> switch (result) {
                    case ResolvedOperand.Array a when !a.lower() -> new ResolvedOperand.Scalar(new Term.Length(a.array()));
                    default -> throw new QueryError("modifier \":length\" needs a multi-valued field", position);
                };
                default -> throw new QueryError("unknown modifier " + QueryError.quote(":" + modifier), position);
            };
        }
        return result;
    }
}
