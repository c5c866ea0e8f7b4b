package dev.basalt.collections.internal;

import dev.basalt.shared.FieldError;
import java.util.Locale;
import java.util.Set;

/**
 * The first, textual check of a view query: one statement (a trailing {@code ;} is dropped), starting with
 * SELECT or WITH, no write or DDL keywords, no {@code ?} / {@code $1} parameters or {@code {}} outside quotes
 * and comments. Quoted strings ({@code '...'}, {@code E'...'}, {@code $tag$...$tag$}), quoted identifiers and
 * comments are skipped. PostgreSQL itself then proves the rest (see {@link ViewDdl}).
 */
final class ViewQueryText {
    /** Longest view query accepted. */
    static final int MAX_LENGTH = 20_000;
    /** Key of the errors about the query. */
    static final String KEY = "viewQuery";
    /** Words that never belong in a read-only SELECT (unquoted). */
    static final Set<String> FORBIDDEN = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "INTO", "TRUNCATE", "DROP",
            "ALTER", "CREATE", "GRANT", "REVOKE", "COPY", "CALL", "LOCK", "VACUUM", "EXECUTE", "PREPARE",
            "LISTEN", "NOTIFY", "REFRESH", "REINDEX", "CLUSTER", "COMMIT", "ROLLBACK", "SAVEPOINT", "RESET");

    private final String text;
    private int pos;
    private String firstWord;

    private ViewQueryText(String text) {
        this.text = text;
    }

    /** The query without surrounding blanks and trailing semicolons; throws under {@code viewQuery} otherwise. */
    static String check(String raw) {
        String q = raw == null ? "" : raw.strip();
        while (q.endsWith(";")) {
            q = q.substring(0, q.length() - 1).strip();
        }
        if (q.isEmpty()) {
            throw invalid("validation_required", "Cannot be blank.");
        }
        if (q.length() > MAX_LENGTH) {
            throw invalid("validation_length_too_long", "The view query must be at most " + MAX_LENGTH + " characters.");
        }
        new ViewQueryText(q).scan();
        return q;
    }

    private void scan() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\'') {
                boolean escapes = pos > 0 && (text.charAt(pos - 1) == 'E' || text.charAt(pos - 1) == 'e');
                skipQuoted('\'', escapes);
            } else if (c == '"') {
                skipQuoted('"', false);
            } else if (c == '-' && next() == '-') {
                int end = text.indexOf('\n', pos);
                pos = end < 0 ? text.length() : end + 1;
            } else if (c == '/' && next() == '*') {
                skipBlockComment();
            } else if (c == '$') {
                dollar();
            } else if (c == ';') {
                throw invalid("validation_invalid_view_query", "The view query must be a single SELECT statement.");
            } else if (c == '?' || c == '{' || c == '}') {
                throw invalid("validation_invalid_view_query",
                        "The view query must not contain '" + c + "' outside quotes (no parameters).");
            } else if (Character.isLetter(c) || c == '_') {
                word();
            } else {
                pos++;
            }
        }
        if (firstWord == null || !(firstWord.equals("SELECT") || firstWord.equals("WITH"))) {
            throw invalid("validation_invalid_view_query", "The view query must be a SELECT statement.");
        }
    }

    private void word() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '$')) {
            pos++;
        }
        String w = text.substring(start, pos).toUpperCase(Locale.ROOT);
        if (firstWord == null) {
            firstWord = w;
        }
        if (FORBIDDEN.contains(w)) {
            throw invalid("validation_invalid_view_query",
                    "The view query must only read data (" + w + " is not allowed).");
        }
    }

    private void dollar() {
        int end = pos + 1;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        if (end < text.length() && text.charAt(end) == '$'
                && (end == pos + 1 || !Character.isDigit(text.charAt(pos + 1)))) {
            String tag = text.substring(pos, end + 1);
            int close = text.indexOf(tag, end + 1);
            if (close < 0) {
                throw invalid("validation_invalid_view_query", "Unterminated dollar-quoted string.");
            }
            pos = close + tag.length();
            return;
        }
        throw invalid("validation_invalid_view_query", "The view query must not contain parameters ($n).");
    }

    private void skipQuoted(char quote, boolean backslashEscapes) {
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (backslashEscapes && c == '\\') {
                pos += 2;
                continue;
            }
            if (c == quote) {
                if (next() == quote) {
                    pos += 2;
                    continue;
                }
                pos++;
                return;
            }
            pos++;
        }
        throw invalid("validation_invalid_view_query", "Unterminated quoted text.");
    }

    private void skipBlockComment() {
        int depth = 0;
        while (pos < text.length()) {
            if (text.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (text.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        throw invalid("validation_invalid_view_query", "Unterminated comment.");
    }

    private char next() {
        return pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
    }

    static InvalidCollectionException invalid(String code, String message) {
        return new InvalidCollectionException(KEY, new FieldError(code, message));
    }
}
