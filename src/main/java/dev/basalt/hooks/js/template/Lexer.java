package dev.basalt.hooks.js.template;

import dev.basalt.hooks.js.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template into tokens as Go's text/template lexer does: text, {@code {{ }}} actions with their trim
 * markers ({@code {{- } and {@code -}}} eat the white space next to them), comments dropped, literals decoded.
 */
final class Lexer {
    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";
    private final String src;
    private final String name;
    private final List<Token> out = new ArrayList<>();
    private int pos;
    private int line = 1;

    private Lexer(String name, String src) {
        this.name = name;
        this.src = src;
    }

    static List<Token> lex(String name, String src) {
        Lexer l = new Lexer(name, src);
        l.run();
        return l.out;
    }

    private void run() {
        boolean trimNext = false;
        while (pos < src.length()) {
            int open = src.indexOf(OPEN, pos);
            int end = open < 0 ? src.length() : open;
            String text = src.substring(pos, end);
            boolean trimLeft = open >= 0 && trimMarker(open + 2);
            if (trimNext) {
                text = text.stripLeading();
            }
            if (trimLeft) {
                text = text.stripTrailing();
            }
            if (!text.isEmpty()) {
                out.add(new Token(Kind.TEXT, text, line, false));
            }
            advance(end);
            if (open < 0) {
                break;
            }
            pos = open + 2 + (trimLeft ? 2 : 0);
            trimNext = action();
        }
        out.add(new Token(Kind.EOF, "", line, false));
    }

    /** A {@code -} right after {{ (or before }}) trims only when white space separates it from the action. */
    private boolean trimMarker(int at) {
        return at + 1 < src.length() && src.charAt(at) == '-' && isSpace(src.charAt(at + 1));
    }

    /** Lexes one action after its {{; answers whether it ended with a trimming -}}. */
    private boolean action() {
        int save = pos;
        skipSpace();
        if (src.startsWith("/*", pos)) {
            int close = src.indexOf("*/", pos + 2);
            if (close < 0) {
                throw error("unclosed comment");
            }
            advance(close + 2);
            skipSpace();
            boolean trim = src.startsWith("-" + CLOSE, pos) && pos > close + 2;
            if (!src.startsWith(CLOSE, pos) && !trim) {
                throw error("comment ends before closing delimiter");
            }
            pos += trim ? 3 : 2;
            return trim;
        }
        pos = save;
        out.add(new Token(Kind.LEFT, OPEN, line, false));
        while (true) {
            boolean spaced = skipSpace();
            if (pos >= src.length()) {
                throw error("unclosed action");
            }
            if (src.startsWith(CLOSE, pos)) {
                out.add(new Token(Kind.RIGHT, CLOSE, line, spaced));
                pos += 2;
                return false;
            }
            if (spaced && src.startsWith("-" + CLOSE, pos)) {
                out.add(new Token(Kind.RIGHT, CLOSE, line, true));
                pos += 3;
                return true;
            }
            token(spaced);
        }
    }

    private void token(boolean spaced) {
        char c = src.charAt(pos);
        int start = pos;
        switch (c) {
            case '|' -> emit(Kind.PIPE, start, pos + 1, spaced);
            case '(' -> emit(Kind.LPAREN, start, pos + 1, spaced);
            case ')' -> emit(Kind.RPAREN, start, pos + 1, spaced);
            case ',' -> emit(Kind.COMMA, start, pos + 1, spaced);
            case '=' -> emit(Kind.ASSIGN, start, pos + 1, spaced);
            case ':' -> {
                if (!src.startsWith(":=", pos)) {
                    throw error("expected :=");
                }
                emit(Kind.DECLARE, start, pos + 2, spaced);
            }
            case '"', '`' -> {
                int close = closing(c);
                String raw = src.substring(start, close + 1);
                out.add(new Token(Kind.STRING, c == '`' ? raw.substring(1, raw.length() - 1) : unquote(raw), line,
                        spaced));
                advance(close + 1);
            }
            case '\'' -> {
                int close = closing(c);
                String s = unquote(src.substring(start, close + 1));
                out.add(new Token(Kind.CHAR, String.valueOf(s.codePointAt(0)), line, spaced));
                pos = close + 1;
            }
            case '$' -> emit(Kind.VARIABLE, start, wordEnd(pos + 1), spaced);
            case '.' -> {
                if (pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
                    emit(Kind.NUMBER, start, numberEnd(pos), spaced);
                } else {
                    int end = wordEnd(pos + 1);
                    emit(end == pos + 1 ? Kind.DOT : Kind.FIELD, start, end, spaced);
                }
            }
            default -> {
                if (Character.isDigit(c) || ((c == '-' || c == '+') && pos + 1 < src.length()
                        && Character.isDigit(src.charAt(pos + 1)))) {
                    emit(Kind.NUMBER, start, numberEnd(pos + 1), spaced);
                } else if (Character.isLetter(c) || c == '_') {
                    int end = wordEnd(pos);
                    String word = src.substring(start, end);
                    Kind kind = word.equals("true") || word.equals("false") ? Kind.BOOL
                            : word.equals("nil") ? Kind.NIL : Kind.IDENT;
                    emit(kind, start, end, spaced);
                } else {
                    throw error("unexpected \"" + c + "\" in command");
                }
            }
        }
    }

    private void emit(Kind kind, int start, int end, boolean spaced) {
        out.add(new Token(kind, src.substring(start, end), line, spaced));
        pos = end;
    }

    private int closing(char quote) {
        for (int i = pos + 1; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                return i;
            } else if (c == '\n' && quote != '`') {
                break;
            }
        }
        throw error("unterminated quoted string");
    }

    private int wordEnd(int from) {
        int i = from;
        while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private int numberEnd(int from) {
        int i = from;
        while (i < src.length()) {
            char c = src.charAt(i);
            boolean exponentSign = (c == '-' || c == '+') && "eEpP".indexOf(src.charAt(i - 1)) >= 0
                    && !src.substring(from - 1, i).matches("(?i)[-+]?0x.*");
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign)) {
                break;
            }
            i++;
        }
        return i;
    }

    private boolean skipSpace() {
        int start = pos;
        while (pos < src.length() && isSpace(src.charAt(pos))) {
            if (src.charAt(pos) == '\n') {
                line++;
            }
            pos++;
        }
        return pos > start;
    }

    private void advance(int to) {
        for (int i = pos; i < to; i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
        pos = to;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private String unquote(String quoted) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = quoted.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'a' -> b.append('\u0007');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'v' -> b.append('\u000b');
                case 'x' -> { b.append((char) Integer.parseInt(quoted.substring(i + 1, i + 3), 16)); i += 2; }
                case 'u' -> { b.append((char) Integer.parseInt(quoted.substring(i + 1, i + 5), 16)); i += 4; }
                case 'U' -> { b.appendCodePoint(Integer.parseInt(quoted.substring(i + 1, i + 9), 16)); i += 8; }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    private TemplateException error(String message) {
        return new TemplateException(name, line, message);
    }
}
