package dev.basalt.query.internal.syntax;

import dev.basalt.query.internal.QueryError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a filter expression into tokens. Whitespace and {@code //} line comments separate tokens. Strings are quoted
 * with {@code '} or {@code "}; a backslash before the closing quote character escapes it, any other backslash is kept
 * as written (so {@code \%} and {@code \_} reach LIKE patterns unchanged), as PocketBase does.
 */
public final class Lexer {
    private static final String OPERATOR_CHARS = "=!<>~?";
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Lexer(String src) {
        this.src = src;
    }

    /** The tokens of {@code src}, ending with an EOF token. */
    public static List<Token> tokenize(String src) {
        int nul = src.indexOf('\0');
        if (nul >= 0) {
            // PostgreSQL text cannot hold NUL: refuse it here rather than fail in the database
            throw new QueryError("invalid character \"\\u0000\"", nul);
        }
        Lexer lexer = new Lexer(src);
        lexer.scan();
        return List.copyOf(lexer.tokens);
    }

    private void scan() {
        while (true) {
            skipBlanks();
            if (pos >= src.length()) {
                tokens.add(new Token(TokenType.EOF, "", "", src.length()));
                return;
            }
            char c = src.charAt(pos);
            switch (c) {
                case '(' -> single(TokenType.LPAREN);
                case ')' -> single(TokenType.RPAREN);
                case ',' -> single(TokenType.COMMA);
                case '&' -> join('&', TokenType.AND);
                case '|' -> join('|', TokenType.OR);
                case '\'', '"' -> string(c);
                case '{' -> placeholder();
                default -> {
                    if (isIdentifierStart(c)) {
                        identifier();
                    } else if (isDigit(c) || (c == '-' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
                        number();
                    } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                        operator();
                    } else {
                        throw new QueryError("unexpected character " + QueryError.quote(String.valueOf(c)), pos);
                    }
                }
            }
        }
    }

    private void skipBlanks() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '/' && pos + 1 < src.length() && src.charAt(pos + 1) == '/') {
                int end = src.indexOf('\n', pos);
                pos = end < 0 ? src.length() : end + 1;
            } else {
                return;
            }
        }
    }

    private void single(TokenType type) {
        String raw = String.valueOf(src.charAt(pos));
        tokens.add(new Token(type, raw, raw, pos));
        pos++;
    }

    private void join(char c, TokenType type) {
        if (pos + 1 < src.length() && src.charAt(pos + 1) == c) {
            String raw = src.substring(pos, pos + 2);
            tokens.add(new Token(type, raw, raw, pos));
            pos += 2;
            return;
        }
        throw new QueryError("invalid operator " + QueryError.quote(String.valueOf(c)) + " (expected \"" + c + c + "\")", pos);
    }

    private void string(char quote) {
        int start = pos;
        StringBuilder value = new StringBuilder();
        int i = pos + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\\' && i + 1 < src.length() && src.charAt(i + 1) == quote) {
                value.append(quote);
                i += 2;
            } else if (c == quote) {
                pos = i + 1;
                tokens.add(new Token(TokenType.STRING, value.toString(), src.substring(start, pos), start));
                return;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new QueryError("unterminated string " + QueryError.quote(src.substring(start)), start);
    }

    private void placeholder() {
        int start = pos;
        int i = pos + 1;
        if (i < src.length() && src.charAt(i) == ':') {
            i++;
            int nameStart = i;
            while (i < src.length() && isWordChar(src.charAt(i))) {
                i++;
            }
            if (i > nameStart && i < src.length() && src.charAt(i) == '}') {
                pos = i + 1;
                tokens.add(new Token(TokenType.PLACEHOLDER, src.substring(nameStart, i), src.substring(start, pos), start));
                return;
            }
        }
        int end = src.indexOf('}', start);
        String shown = end < 0 ? src.substring(start) : src.substring(start, end + 1);
        throw new QueryError("invalid placeholder " + QueryError.quote(shown) + " (expected {:name})", start);
    }

    private void identifier() {
        int start = pos;
        pos++;
        while (pos < src.length() && isIdentifierPart(src.charAt(pos))) {
            pos++;
        }
        String raw = src.substring(start, pos);
        tokens.add(new Token(TokenType.IDENTIFIER, raw, raw, start));
    }

    private void number() {
        int start = pos;
        pos++;
        while (pos < src.length() && (isDigit(src.charAt(pos)) || src.charAt(pos) == '.' || isIdentifierPart(src.charAt(pos)))) {
            pos++;
        }
        String raw = src.substring(start, pos);
        if (!NUMBER.matcher(raw).matches()) {
            throw new QueryError("invalid number " + QueryError.quote(raw), start);
        }
        tokens.add(new Token(TokenType.NUMBER, raw, raw, start));
    }

    private void operator() {
        int start = pos;
        while (pos < src.length() && OPERATOR_CHARS.indexOf(src.charAt(pos)) >= 0) {
            pos++;
        }
        String raw = src.substring(start, pos);
        String base = raw.startsWith("?") ? raw.substring(1) : raw;
        if (Operator.of(base) == null) {
            throw new QueryError("invalid operator " + QueryError.quote(raw), start);
        }
        tokens.add(new Token(TokenType.OPERATOR, raw, raw, start));
    }

    private static boolean isIdentifierStart(char c) {
        return isLetter(c) || c == '_' || c == '@';
    }

    private static boolean isIdentifierPart(char c) {
        return isWordChar(c) || c == '.' || c == ':';
    }

    private static boolean isWordChar(char c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
