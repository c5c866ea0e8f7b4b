package dev.basalt.hooks.js.template;

import dev.basalt.hooks.js.template.Node.Arg;
import dev.basalt.hooks.js.template.Node.Branch;
import dev.basalt.hooks.js.template.Node.Command;
import dev.basalt.hooks.js.template.Node.Keyword;
import dev.basalt.hooks.js.template.Node.Pipe;
import dev.basalt.hooks.js.template.Token.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the syntax trees of one template source: its own body under its name, and one more per {@code define} or
 * {@code block}. Unknown functions and undeclared variables are parse errors, as in Go.
 */
final class Parser {
    private final String name;
    private final List<Token> tokens;
    private final Set<String> functions;
    private final Map<String, List<Node>> trees = new LinkedHashMap<>();
    private List<String> vars = new ArrayList<>(List.of("$"));
    private int at;

    private Parser(String name, String src, Set<String> functions) {
        this.name = name;
        this.tokens = Lexer.lex(name, src);
        this.functions = functions;
    }

    /** The trees of {@code src}: {@code name}'s body first, then the templates it defines, in order. */
    static Map<String, List<Node>> parse(String name, String src, Set<String> functions) {
        Parser p = new Parser(name, src, functions);
        p.trees.put(name, List.of());
        p.trees.put(name, p.list(true));
        return p.trees;
    }

    private List<Node> list(boolean top) {
        List<Node> nodes = new ArrayList<>();
        while (true) {
            Token t = next();
            switch (t.kind()) {
                case TEXT -> nodes.add(new Node.Text(t.text()));
                case EOF -> {
                    if (!top) {
                        throw error(t, "unexpected EOF");
                    }
                    return nodes;
                }
                case LEFT -> {
                    Token k = peek();
                    if (k.kind() == Kind.IDENT && (k.text().equals("end") || k.text().equals("else"))) {
                        if (top) {
                            throw error(k, "unexpected {{" + k.text() + "}}");
                        }
                        return nodes;
                    }
                    Node n = action(top);
                    if (n != null) {
                        nodes.add(n);
                    }
                }
                default -> throw error(t, "unexpected " + t.text());
            }
        }
    }

    private Node action(boolean top) {
        Token k = peek();
        if (k.kind() != Kind.IDENT) {
            Pipe pipe = pipeline("command", false);
            return new Node.Action(k.line(), pipe);
        }
        switch (k.text()) {
            case "if" -> { next(); return branch(Keyword.IF, k.line()); }
            case "with" -> { next(); return branch(Keyword.WITH, k.line()); }
            case "range" -> { next(); return branch(Keyword.RANGE, k.line()); }
            case "break", "continue" -> {
                next();
                expect(Kind.RIGHT, "in " + k.text());
                return new Node.Jump(k.text().equals("break"));
            }
            case "template" -> {
                next();
                String target = expect(Kind.STRING, "in template clause").text();
                Pipe pipe = peek().kind() == Kind.RIGHT ? null : pipeline("template", false);
                if (pipe == null) {
                    next();
                }
                return new Node.Call(k.line(), target, pipe);
            }
            case "define", "block" -> {
                boolean block = next().text().equals("block");
                if (!top && !block) {
                    throw error(k, "unexpected <define> in command");
                }
                String target = expect(Kind.STRING, "in " + k.text() + " clause").text();
                Pipe pipe = null;
                if (block) {
                    pipe = pipeline("block", false);
                } else {
                    expect(Kind.RIGHT, "in define clause");
                }
                List<String> outer = vars;
                vars = new ArrayList<>(List.of("$"));
                trees.put(target, list(false));
                vars = outer;
                end();
                return block ? new Node.Call(k.line(), target, pipe) : null;
            }
            default -> {
                return new Node.Action(k.line(), pipeline("command", false));
            }
        }
    }

    private Branch branch(Keyword keyword, int line) {
        int scope = vars.size();
        Pipe pipe = pipeline(keyword.name().toLowerCase(), keyword == Keyword.RANGE);
        List<Node> body = list(false);
        List<Node> otherwise = List.of();
        if (next().text().equals("else")) {
            Token t = peek();
            boolean chained = t.kind() == Kind.IDENT
                    && (t.text().equals("if") && keyword == Keyword.IF || t.text().equals("with") && keyword == Keyword.WITH);
            if (chained) {
                next();
                otherwise = List.of(branch(keyword, t.line()));
            } else {
                expect(Kind.RIGHT, "in else");
                otherwise = list(false);
                end();
            }
        } else {
            expect(Kind.RIGHT, "in end");
        }
        vars = new ArrayList<>(vars.subList(0, scope));
        return new Branch(keyword, line, pipe, body, otherwise);
    }

    private void end() {
        Token t = next();
        if (!t.text().equals("end")) {
            throw error(t, "expected end; found " + t.text());
        }
        expect(Kind.RIGHT, "in end");
    }

    /** A pipeline up to and including its closing }} (or up to its ), left for the caller). */
    private Pipe pipeline(String context, boolean twoVars) {
        int line = peek().line();
        List<String> declared = new ArrayList<>();
        boolean assign = false;
        int mark = at;
        while (peek().kind() == Kind.VARIABLE) {
            Token v = next();
            Kind after = peek().kind();
            if (after == Kind.DECLARE || after == Kind.ASSIGN) {
                declared.add(v.text());
                assign = next().kind() == Kind.ASSIGN;
                break;
            }
            if (after == Kind.COMMA && twoVars && declared.isEmpty()) {
                next();
                declared.add(v.text());
                continue;
            }
            declared.clear();
            at = mark;
            break;
        }
        if (assign) {
            declared.forEach(v -> variable(v, tokens.get(at - 1)));
        }
        List<Command> commands = new ArrayList<>();
        while (true) {
            List<Arg> args = new ArrayList<>();
            while (peek().kind() != Kind.PIPE && peek().kind() != Kind.RIGHT && peek().kind() != Kind.RPAREN) {
                args.add(operand());
            }
            if (args.isEmpty()) {
                throw error(peek(), "missing value for " + context);
            }
            commands.add(new Command(args));
            Token t = peek();
            if (t.kind() == Kind.PIPE) {
                next();
                continue;
            }
            if (t.kind() == Kind.RIGHT) {
                next();
            }
            break;
        }
        if (!assign) {
            vars.addAll(declared);
        }
        return new Pipe(line, declared, assign, commands);
    }

    private Arg operand() {
        Token t = next();
        Arg term = switch (t.kind()) {
            case DOT -> new Node.Dot();
            case FIELD -> new Node.Field(fields(new ArrayList<>(List.of(t.text().substring(1)))));
            case VARIABLE -> new Node.Variable(variable(t.text(), t), fields(new ArrayList<>()));
            case STRING -> new Node.Literal(t.text());
            case BOOL -> new Node.Literal(Boolean.parseBoolean(t.text()));
            case NIL -> new Node.Literal(null);
            case CHAR -> new Node.Literal(Long.parseLong(t.text()));
            case NUMBER -> new Node.Literal(number(t));
            case IDENT -> {
                if (!functions.contains(t.text())) {
                    throw error(t, "function \"" + t.text() + "\" not defined");
                }
                yield new Node.Function(t.text());
            }
            case LPAREN -> {
                Pipe inner = pipeline("parenthesized pipeline", false);
                expect(Kind.RPAREN, "in parenthesized pipeline");
                yield new Node.Nested(inner, fields(new ArrayList<>()));
            }
            default -> throw error(t, "unexpected \"" + t.text() + "\" in operand");
        };
        return term;
    }

    private List<String> fields(List<String> names) {
        while (peek().kind() == Kind.FIELD && !peek().spaced()) {
            names.add(next().text().substring(1));
        }
        return List.copyOf(names);
    }

    private String variable(String v, Token t) {
        if (!vars.contains(v)) {
            throw error(t, "undefined variable \"" + v + "\"");
        }
        return v;
    }

    private Object number(Token t) {
        String s = t.text().replace("_", "");
        String digits = s.replaceFirst("^[-+]", "");
        boolean negative = s.startsWith("-");
        try {
            long sign = negative ? -1 : 1;
            if (digits.matches("(?i)0x[0-9a-f]+")) {
                return sign * Long.parseLong(digits.substring(2), 16);
            } else if (digits.matches("(?i)0o?[0-7]+")) {
                return sign * Long.parseLong(digits.replaceFirst("(?i)^0o?", ""), 8);
            } else if (digits.matches("(?i)0b[01]+")) {
                return sign * Long.parseLong(digits.substring(2), 2);
            } else if (digits.matches("[0-9]+")) {
                return Long.parseLong(s);
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error(t, "illegal number syntax: \"" + t.text() + "\"");
        }
    }

    private Token expect(Kind kind, String context) {
        Token t = next();
        if (t.kind() != kind) {
            throw error(t, "unexpected \"" + t.text() + "\" " + context);
        }
        return t;
    }

    private Token next() {
        return tokens.get(Math.min(at++, tokens.size() - 1));
    }

    private Token peek() {
        return tokens.get(Math.min(at, tokens.size() - 1));
    }

    private TemplateException error(Token t, String message) {
        return new TemplateException(name, t.line(), message);
    }
}
