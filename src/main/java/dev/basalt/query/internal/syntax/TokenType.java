package dev.basalt.query.internal.syntax;

/** The kinds of token of the filter language. */
public enum TokenType {
    LPAREN, RPAREN, COMMA, AND, OR, OPERATOR, IDENTIFIER, STRING, NUMBER, PLACEHOLDER, EOF
}
