package dev.basalt.hooks.js.template;

/**
 * A lexical item of a template: {@code text} is raw text between actions, the others are the parts of an action.
 * {@code spaced} tells whether white space preceded it inside the action (a field chain needs none).
 */
record Token(Kind kind, String text, int line, boolean spaced) {
    /** The kinds of lexical items. */
    enum Kind { TEXT, LEFT, RIGHT, FIELD, VARIABLE, DOT, IDENT, STRING, NUMBER, CHAR, BOOL, NIL, PIPE, LPAREN,
        RPAREN, DECLARE, ASSIGN, COMMA, EOF }
}
