package dev.basalt.hooks.js;

/**
 * A failure of hook code's own database work (its SQL, its expressions), with a message fit for hook code: the
 * database's reason, never the statement or the server's internals. The JS API throws it as a JS {@code Error}.
 */
final class JsDbException extends RuntimeException {
    JsDbException(String message) {
        super(message, null, false, false);
    }
}
