package dev.basalt.collections;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser for the small index grammar of {@link IndexDefinition}:
 * <pre>
 * CREATE [UNIQUE] INDEX [IF NOT EXISTS] [schema.]name ON [schema.]table
 *     ( column [COLLATE NOCASE|BINARY] [ASC|DESC] {, ...} )
 *     [WHERE column op literal | column IS [NOT] NULL {AND ...}] [;]
 * </pre>
 * Identifiers may be bare words or quoted with {@code "..."}, {@code `...`} or {@code [...]}.
 */
final class IndexParser {
    /** The longest index definition accepted. */
    static final int MAX_LENGTH = 4000;
    private static final Set<String> OPERATORS = Set.of("=", "==", "!=", "<>", "<", "<=", ">", ">=");

    private enum Kind { WORD, QUOTED, STRING, NUMBER, SYMBOL, END }

    private record Token(Kind kind, String text) {
        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }
    }

    private final List<Token> tokens;
    private int pos;

    IndexParser(String sql) {
        if (sql.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The index definition is too long.");
        }
        this.tokens = tokenize(sql);
    }

    IndexDefinition parse() {
        expectKeyword("CREATE");
        boolean unique = accept("UNIQUE");
        expectKeyword("INDEX");
        if (accept("IF")) {
            expectKeyword("NOT");
            expectKeyword("EXISTS");
        }
        String name = qualifiedIdentifier("index name");
        expectKeyword("ON");
        String table = tableName();
        expectSymbol("(");
        List<IndexDefinition.Column> columns = new ArrayList<>();
        do {
            columns.add(column());
        } while (acceptSymbol(","));
        expectSymbol(")");
        List<IndexDefinition.Condition> where = new ArrayList<>();
        if (accept("WHERE")) {
            do {
                where.add(condition());
            } while (accept("AND"));
        }
        acceptSymbol(";");
        if (peek().kind() != Kind.END) {
            throw unsupported("unexpected \"" + peek().text() + "\"");
        }
        return new IndexDefinition(unique, name, table, columns, where);
    }

    private IndexDefinition.Column column() {
        String name = identifier("column name");
        if (peek().isSymbol("(")) {
            throw unsupported("expressions are not supported, only column names");
        }
        boolean nocase = false;
        if (accept("COLLATE")) {
            Token collation = next();
            if (collation.is("NOCASE")) {
                nocase = true;
            } else if (!collation.is("BINARY")) {
                throw unsupported("only COLLATE NOCASE is supported");
            }
        }
        boolean descending = false;
        if (accept("DESC")) {
            descending = true;
        } else {
            accept("ASC");
        }
        return new IndexDefinition.Column(name, nocase, descending);
    }

    private IndexDefinition.Condition condition() {
        String column = identifier("column name in WHERE");
        if (accept("IS")) {
            String op = accept("NOT") ? "IS NOT" : "IS";
            expectKeyword("NULL");
            return new IndexDefinition.Condition(column, op, null);
        }
        Token op = next();
        if (op.kind() != Kind.SYMBOL || !OPERATORS.contains(op.text())) {
            throw unsupported("expected a comparison operator after " + column);
        }
        String operator = switch (op.text()) {
            case "==" -> "=";
            case "<>" -> "!=";
            default -> op.text();
        };
        return new IndexDefinition.Condition(column, operator, literal());
    }

    private Object literal() {
        Token t = next();
        return switch (t.kind()) {
            case STRING -> t.text();
            case NUMBER -> new BigDecimal(t.text());
            case WORD -> {
                if (t.is("TRUE") || t.is("FALSE")) {
                    yield Boolean.valueOf(t.text().toLowerCase(Locale.ROOT));
                }
                throw unsupported("WHERE values must be quoted strings, numbers, TRUE or FALSE");
            }
            default -> throw unsupported("WHERE values must be quoted strings, numbers, TRUE or FALSE");
        };
    }

    /**
     * The table, which may be quoted empty ({@code ``}): PocketBase's scaffolds name none, and the table is always
     * replaced by the collection's own name ({@link IndexDefinition#withTable}).
     */
    private String tableName() {
        if (peek().kind() == Kind.QUOTED && peek().text().isEmpty()) {
            next();
            return "";
        }
        return qualifiedIdentifier("table name");
    }

    private String qualifiedIdentifier(String what) {
        String first = identifier(what);
        if (acceptSymbol(".")) {
            return identifier(what);
        }
        return first;
    }

    private String identifier(String what) {
        Token t = next();
        if ((t.kind() == Kind.WORD || t.kind() == Kind.QUOTED) && !t.text().isEmpty()) {
            return t.text();
        }
        throw unsupported("expected " + what);
    }

    private boolean accept(String keyword) {
        if (peek().is(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectKeyword(String keyword) {
        if (!accept(keyword)) {
            throw unsupported("expected " + keyword);
        }
    }

    private void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw unsupported("expected \"" + symbol + "\"");
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    private static IllegalArgumentException unsupported(String detail) {
        return new IllegalArgumentException("Invalid or unsupported index definition: " + detail + ".");
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isWordChar(c)) {
                int start = i;
                while (i < s.length() && isWordChar(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                boolean numeric = Character.isDigit(c) && word.chars().allMatch(Character::isDigit);
                if (numeric && i + 1 < s.length() && s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1))) {
                    int fracStart = ++i;
                    while (i < s.length() && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                    word = word + "." + s.substring(fracStart, i);
                }
                out.add(new Token(numeric ? Kind.NUMBER : Kind.WORD, word));
            } else if (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                int start = i++;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                String number = s.substring(start, i);
                if (!number.matches("-\\d+(\\.\\d+)?")) {
                    throw unsupported("malformed number " + number);
                }
                out.add(new Token(Kind.NUMBER, number));
            } else if (c == '"' || c == '`' || c == '[' || c == '\'') {
                char close = c == '[' ? ']' : c;
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw unsupported("unclosed quote");
                    }
                    char d = s.charAt(i++);
                    if (d == close) {
                        if (close != ']' && i < s.length() && s.charAt(i) == close) {
                            text.append(d);
                            i++;
                            continue;
                        }
                        break;
                    }
                    text.append(d);
                }
                out.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, text.toString()));
            } else {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (OPERATORS.contains(two)) {
                    out.add(new Token(Kind.SYMBOL, two));
                    i += 2;
                } else if ("(),.;=<>".indexOf(c) >= 0) {
                    out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                    i++;
                } else {
                    throw unsupported("unexpected character '" + c + "'");
                }
            }
        }
        out.add(new Token(Kind.END, "end of definition"));
        return out;
    }

    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
