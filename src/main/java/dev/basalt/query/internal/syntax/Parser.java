package dev.basalt.query.internal.syntax;

import dev.basalt.query.QueryLimits;
import dev.basalt.query.internal.QueryError;
import dev.basalt.query.internal.syntax.Expr.Operand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser of PocketBase's filter grammar; {@code &&} binds tighter than {@code ||}:
 * <pre>
 * expr       := and ( "||" and )*
 * and        := primary ( "&amp;&amp;" primary )*
 * primary    := "(" expr ")" | comparison
 * comparison := operand OPERATOR operand
 * operand    := IDENTIFIER | STRING | NUMBER | PLACEHOLDER | call    (true, false, null and @macros are identifiers)
 * call       := NAME "(" [ operand ( "," operand )* ] ")"         (arguments are not calls themselves)
 * </pre>
 * It enforces {@link QueryLimits#MAX_FILTER_EXPRESSIONS} and {@link QueryLimits#MAX_NESTING_DEPTH}.
 */
public final class Parser {
    private static final Pattern NAME = Pattern.compile("@?[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");
    private static final Pattern CALL_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern MODIFIER = Pattern.compile("[A-Za-z0-9_]+");
    /** {@code @collection.name:alias.field...}: the alias is part of the path, modifiers follow the field. */
    private static final Pattern ALIASED_COLLECTION =
            Pattern.compile("(@collection\\.[A-Za-z0-9_]+:[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)+)((:[A-Za-z0-9_]+)*)");

    private final List<Token> tokens;
    private int index;
    private int comparisons;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The AST of {@code src}, or empty when it holds no tokens (blank or only comments). */
    public static Optional<Expr> parse(String src) {
        Parser parser = new Parser(Lexer.tokenize(src));
        if (parser.peek().type() == TokenType.EOF) {
            return Optional.empty();
        }
        Expr expr = parser.or(0);
        Token rest = parser.peek();
        if (rest.type() != TokenType.EOF) {
            throw new QueryError(rest.type() == TokenType.RPAREN
                    ? "unexpected \")\" without a matching \"(\""
                    : "unexpected " + rest.describe() + " (expected \"&&\", \"||\" or the end)", rest.position());
        }
        return Optional.of(expr);
    }

    private Expr or(int depth) {
        Expr left = and(depth);
        while (peek().type() == TokenType.OR) {
            Token op = next();
            left = new Expr.Or(left, and(depth), op.position());
        }
        return left;
    }

    private Expr and(int depth) {
        Expr left = primary(depth);
        while (peek().type() == TokenType.AND) {
            Token op = next();
            left = new Expr.And(left, primary(depth), op.position());
        }
        return left;
    }

    private Expr primary(int depth) {
        Token t = peek();
        if (t.type() == TokenType.LPAREN) {
            next();
            if (depth + 1 > QueryLimits.MAX_NESTING_DEPTH) {
                throw new QueryError("parentheses nested deeper than " + QueryLimits.MAX_NESTING_DEPTH, t.position());
            }
            if (peek().type() == TokenType.RPAREN) {
                throw new QueryError("empty parentheses", t.position());
            }
            Expr inner = or(depth + 1);
            Token close = peek();
            if (close.type() != TokenType.RPAREN) {
                throw new QueryError("missing \")\" for the \"(\"" + " opened at position " + t.position()
                        + ", found " + close.describe(), close.position());
            }
            next();
            return new Expr.Group(inner, t.position());
        }
        return comparison();
    }

    private Expr comparison() {
        Operand left = operand();
        Token op = peek();
        if (op.type() != TokenType.OPERATOR) {
            throw new QueryError("expected an operator after " + tokens.get(index - 1).describe()
                    + " but found " + op.describe(), op.position());
        }
        next();
        Operand right = operand();
        if (++comparisons > QueryLimits.MAX_FILTER_EXPRESSIONS) {
            throw new QueryError("too many expressions (at most " + QueryLimits.MAX_FILTER_EXPRESSIONS + ")",
                    left.position());
        }
        boolean any = op.value().startsWith("?");
        Operator operator = Operator.of(any ? op.value().substring(1) : op.value());
        return new Expr.Comparison(left, operator, any, right, left.position());
    }

    private Operand operand() {
        Token t = next();
        return switch (t.type()) {
            case STRING -> new Expr.StringLit(t.value(), t.position());
            case NUMBER -> new Expr.NumberLit(Double.parseDouble(t.value()), t.value(), t.position());
            case PLACEHOLDER -> new Expr.Placeholder(t.value(), t.position());
            case IDENTIFIER -> peek().type() == TokenType.LPAREN ? call(t) : identifier(t);
            default -> throw new QueryError("expected a field, a value or a placeholder but found " + t.describe(),
                    t.position());
        };
    }

    private Operand call(Token name) {
        if (!CALL_NAME.matcher(name.value()).matches()) {
            throw new QueryError("invalid function name " + name.describe(), name.position());
        }
        next(); // (
        List<Operand> arguments = new ArrayList<>();
        while (peek().type() != TokenType.RPAREN) {
            if (!arguments.isEmpty()) {
                Token comma = next();
                if (comma.type() != TokenType.COMMA) {
                    throw new QueryError("expected \",\" or \")\" in the arguments of " + name.describe()
                            + " but found " + comma.describe(), comma.position());
                }
            }
            if (arguments.size() >= QueryLimits.MAX_FUNCTION_ARGUMENTS) {
                throw new QueryError("too many arguments for " + name.describe(), peek().position());
            }
            Token start = peek();
            Operand argument = operand();
            if (argument instanceof Expr.FunctionCall) {
                throw new QueryError("function calls cannot be nested", start.position());
            }
            arguments.add(argument);
        }
        next(); // )
        return new Expr.FunctionCall(name.value(), arguments, name.position());
    }

    private Operand identifier(Token t) {
        String raw = t.value();
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> {
                return new Expr.BoolLit(true, t.position());
            }
            case "false" -> {
                return new Expr.BoolLit(false, t.position());
            }
            case "null" -> {
                return new Expr.NullLit(t.position());
            }
            default -> {
                // a field, a path or a macro
            }
        }
        Matcher aliased = ALIASED_COLLECTION.matcher(raw);
        if (aliased.matches()) {
            String tail = aliased.group(3);
            List<String> modifiers = tail.isEmpty() ? List.of() : Arrays.asList(tail.substring(1).split(":"));
            return new Expr.Identifier(aliased.group(1), modifiers, t.position());
        }
        String[] parts = raw.split(":", -1);
        String path = parts[0];
        List<String> modifiers = new ArrayList<>(Arrays.asList(parts).subList(1, parts.length));
        if (!NAME.matcher(path).matches() || !modifiers.stream().allMatch(m -> MODIFIER.matcher(m).matches())) {
            throw new QueryError("invalid identifier " + t.describe(), t.position());
        }
        boolean request = path.equals("@request") || path.startsWith("@request.");
        boolean collection = path.equals("@collection") || path.startsWith("@collection.");
        if (path.startsWith("@") && !request && !collection) {
            if (!modifiers.isEmpty()) {
                throw new QueryError("modifiers are not allowed on " + QueryError.quote(path), t.position());
            }
            return new Expr.Macro(path, t.position());
        }
        return new Expr.Identifier(path, modifiers, t.position());
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token t = tokens.get(index);
        if (t.type() != TokenType.EOF) {
            index++;
        }
        return t;
    }
}
