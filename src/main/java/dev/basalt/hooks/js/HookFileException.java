package dev.basalt.hooks.js;

/** A hook file that cannot be loaded; the message is one line naming the file and the position. */
public final class HookFileException extends RuntimeException {
    public HookFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
