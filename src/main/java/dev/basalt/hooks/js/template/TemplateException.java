package dev.basalt.hooks.js.template;

/** A parse or execution error of a Go template, worded as Go's: {@code template: NAME:LINE: message}. */
public final class TemplateException extends RuntimeException {
    TemplateException(String template, int line, String message) {
        super("template: " + template + ":" + line + ": " + message);
    }
}
