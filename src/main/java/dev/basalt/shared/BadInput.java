package dev.basalt.shared;

import java.nio.charset.CharacterCodingException;
import java.sql.SQLException;

/**
 * Failures deep in the stack that are caused by what a client sent, not by a fault of the server: they answer 400
 * with a stable message instead of a 500 with a logged stack trace. Each is recognised by the exception chain it
 * produces: Tomcat's parameter decoding, Java's charset decoders, PostgreSQL's refusal of NUL characters.
 */
public enum BadInput {
    /** A query or form parameter that is not valid UTF-8 after percent-decoding, or more parameters than allowed. */
    INVALID_PARAMETERS("Invalid request parameters: they must be valid UTF-8 and at most 1000."),
    /** A text value with a NUL character, which PostgreSQL cannot store in text or JSON. */
    NUL_CHARACTER("Text values cannot contain NUL characters.");

    /** PostgreSQL's character_not_in_repertoire (a 0x00 byte in text). */
    private static final String PG_NUL_IN_TEXT = "22021";
    /** PostgreSQL's untranslatable_character (\\u0000 in JSON). */
    private static final String PG_NUL_IN_JSON = "22P05";
    private static final String TOMCAT_INVALID_PARAMETER = "org.apache.tomcat.util.http.InvalidParameterException";
    private static final int MAX_CAUSES = 16;

    private final String message;

    BadInput(String message) {
        this.message = message;
    }

    /** The safe message for the response. */
    public String message() {
        return message;
    }

    /** The kind of bad input that caused {@code error}, or null when the server is at fault. */
    public static BadInput of(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof CharacterCodingException || t.getClass().getName().equals(TOMCAT_INVALID_PARAMETER)) {
                return INVALID_PARAMETERS;
            }
            if (t instanceof SQLException sql
                    && (PG_NUL_IN_TEXT.equals(sql.getSQLState()) || PG_NUL_IN_JSON.equals(sql.getSQLState()))) {
                return NUL_CHARACTER;
            }
        }
        return null;
    }
}
