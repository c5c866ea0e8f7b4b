package dev.basalt.query.internal.syntax;

import dev.basalt.query.internal.QueryError;

/**
 * One token.
 *
 * @param type     what it is
 * @param value    the decoded value: a string's content without quotes and escapes, a placeholder's name, else the raw text
 * @param raw      the source text of the token
 * @param position 0-based offset of its first character
 */
public record Token(TokenType type, String value, String raw, int position) {

    /** How a message names this token. */
    public String describe() {
        return type == TokenType.EOF ? "end of expression" : QueryError.quote(raw);
    }
}
