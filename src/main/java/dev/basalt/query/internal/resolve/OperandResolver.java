package dev.basalt.query.internal.resolve;

import dev.basalt.query.ColumnInfo;
import dev.basalt.query.TableSchema;
import dev.basalt.query.internal.QueryError;
import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.Term;
import dev.basalt.query.internal.syntax.Expr;

/**
 * Resolves AST operands against the table and the request: fields to columns (hidden ones only when allowed,
 * otherwise exactly like unknown fields), literals, macros, placeholders and {@code @request.*} to bound values,
 * then applies modifiers ({@code :lower}, {@code :length}).
 */
final class OperandResolver {
    private final TableSchema schema;
    private final RequestValues request;
    private final Reach reach;
    private final RequestPaths requestPaths;
    private final CollectionRefs collections;

    OperandResolver(TableSchema schema, RequestValues request, Reach reach) {
        this.schema = schema;
        this.request = request;
        this.reach = reach;
        this.requestPaths = new RequestPaths(schema, request, reach);
        this.collections = new CollectionRefs(schema, reach);
    }

    /** The {@code @collection} references of an expression (see {@link CollectionRefs#wrap}). */
    CollectionRefs collections() {
        return collections;
    }

    ResolvedOperand resolve(Expr.Operand operand) {
        return resolve(operand, false);
    }

    /** The operand of a comparison whose operator is {@code ?op} when {@code anyOf}. */
    ResolvedOperand resolve(Expr.Operand operand, boolean anyOf) {
        return switch (operand) {
            case Expr.StringLit s -> scalar(s.value(), Kind.TEXT);
            case Expr.NumberLit n -> scalar(n.value(), Kind.NUMBER);
            case Expr.BoolLit b -> scalar(b.value(), Kind.BOOL);
            case Expr.NullLit n -> scalar(null, Kind.NULL);
            case Expr.Macro m -> new ResolvedOperand.Scalar(Macros.value(m.name(), request.clock()).orElseThrow(
                    () -> new QueryError("unknown macro " + QueryError.quote(m.name()), m.position())));
            case Expr.Placeholder p -> placeholder(p);
            case Expr.Identifier id when isRequest(id) -> requestPaths.resolve(id);
            case Expr.Identifier id when isCollection(id) -> modifiers(id, collections.resolve(id, anyOf));
            case Expr.Identifier id -> modifiers(id, identifier(id));
            case Expr.FunctionCall call -> FilterFunctions.call(call, this::resolve, request.clock());
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

    private static boolean isRequest(Expr.Identifier id) {
        return id.path().equals("@request") || id.path().startsWith("@request.");
    }

    private static boolean isCollection(Expr.Identifier id) {
        return id.path().equals("@collection") || id.path().startsWith("@collection.");
    }

    private ResolvedOperand identifier(Expr.Identifier id) {
        String path = id.path();
        if (path.indexOf('.') >= 0) {
            return RelationPaths.resolve(path, id.position(), schema, reach);
        }
        ColumnInfo column = schema.column(path);
        if (column == null || (column.hidden() && !reach.allowHidden())) {
            throw new QueryError("unknown field " + QueryError.quote(path), id.position());
        }
        return RelationPaths.resolve(path, id.position(), schema, reach);
    }

    private static ResolvedOperand modifiers(Expr.Identifier id, ResolvedOperand operand) {
        ResolvedOperand result = operand;
        for (int i = 0; i < id.modifiers().size(); i++) {
            result = Modifiers.apply(result, id.modifiers().get(i), id.modifierPosition(i));
        }
        return result;
    }
}
