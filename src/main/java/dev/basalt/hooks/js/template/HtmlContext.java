package dev.basalt.hooks.js.template;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * html/template's contextual escaping, followed as the template's own text is written: the state of the HTML
 * around each action (text, a tag, an attribute value and its kind, a script, a style, a title) chooses how the
 * action's value is escaped. HTML comments of the template text are dropped, as Go does.
 */
final class HtmlContext {
    private static final Set<String> URL_ATTRS = Set.of("href", "src", "action", "formaction", "cite", "poster",
            "background", "longdesc", "usemap", "data", "codebase", "manifest", "icon", "xmlns", "profile");
    private static final List<String> RAW_ELEMENTS = List.of("script", "style", "title", "textarea");

    /** Where the next character or value falls. */
    private enum State { TEXT, TAG_OPEN, TAG_NAME, TAG, ATTR_NAME, AFTER_NAME, BEFORE_VALUE, VALUE, BODY, COMMENT }

    /** What an attribute value holds. */
    private enum Attr { PLAIN, URL, JS, CSS }

    private State state = State.TEXT;
    private final StringBuilder name = new StringBuilder();
    private String element = "";
    private Attr attr = Attr.PLAIN;
    private char delim;
    private boolean valueStarted;
    private boolean urlQuery;
    private char jsQuote;

    /** The template text to write (comments removed), advancing the context over it. */
    String text(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (state == State.TEXT && s.startsWith("<!--", i)) {
                state = State.COMMENT;
                i += 3;
                continue;
            }
            if (state == State.COMMENT) {
                if (s.startsWith("-->", i)) {
                    state = State.TEXT;
                    i += 2;
                }
                continue;
            }
            out.append(c);
            step(c, s, i);
        }
        return out.toString();
    }

    private void step(char c, String s, int i) {
        switch (state) {
            case TEXT -> {
                if (c == '<') {
                    state = State.TAG_OPEN;
                }
            }
            case TAG_OPEN -> {
                name.setLength(0);
                if (Character.isLetter(c)) {
                    name.append(c);
                    state = State.TAG_NAME;
                } else {
                    state = c == '/' ? State.TAG_NAME : State.TEXT;
                }
            }
            case TAG_NAME -> {
                if (Character.isLetterOrDigit(c) || c == '-') {
                    name.append(c);
                } else {
                    element = s.charAt(Math.max(0, i - name.length() - 1)) == '/' ? "" : lower(name);
                    state = State.TAG;
                    step(c, s, i);
                }
            }
            case TAG -> {
                if (c == '>') {
                    endTag();
                } else if (!Character.isWhitespace(c) && c != '/') {
                    name.setLength(0);
                    name.append(c);
                    state = State.ATTR_NAME;
                }
            }
            case ATTR_NAME -> {
                if (c == '=' || c == '>' || c == '/' || Character.isWhitespace(c)) {
                    String n = lower(name);
                    attr = n.startsWith("on") ? Attr.JS : n.equals("style") ? Attr.CSS
                            : URL_ATTRS.contains(n) || n.endsWith("url") || n.endsWith("uri") ? Attr.URL : Attr.PLAIN;
                    state = State.AFTER_NAME;
                    step(c, s, i);
                } else {
                    name.append(c);
                }
            }
            case AFTER_NAME -> {
                if (c == '=') {
                    state = State.BEFORE_VALUE;
                } else if (!Character.isWhitespace(c)) {
                    state = State.TAG;
                    step(c, s, i);
                }
            }
            case BEFORE_VALUE -> {
                if (c == '"' || c == '\'') {
                    enterValue(c);
                } else if (c == '>') {
                    endTag();
                } else if (!Character.isWhitespace(c)) {
                    enterValue(' ');
                    step(c, s, i);
                }
            }
            case VALUE -> value(c);
            case BODY -> {
                if (c == '<' && s.regionMatches(true, i + 1, "/" + element, 0, element.length() + 1)) {
                    state = State.TAG_OPEN;
                    element = "";
                } else if (element.equals("script")) {
                    js(c, s, i);
                }
            }
            default -> { }
        }
    }

    private void value(char c) {
        boolean ends = delim == ' ' ? Character.isWhitespace(c) || c == '>' : c == delim;
        if (ends) {
            state = State.TAG;
            if (c == '>') {
                endTag();
            }
            return;
        }
        valueStarted = true;
        if (attr == Attr.URL && (c == '?' || c == '#')) {
            urlQuery = true;
        }
        if (attr == Attr.JS) {
            js(c, "", 0);
        }
    }

    private void js(char c, String s, int i) {
        boolean escaped = i > 0 && s.charAt(i - 1) == '\\';
        if (jsQuote == 0 && (c == '"' || c == '\'' || c == '`')) {
            jsQuote = c;
        } else if (jsQuote != 0 && c == jsQuote && !escaped) {
            jsQuote = 0;
        }
    }

    private void enterValue(char quote) {
        state = State.VALUE;
        delim = quote;
        valueStarted = false;
        urlQuery = false;
        jsQuote = 0;
    }

    private void endTag() {
        boolean raw = RAW_ELEMENTS.contains(element);
        state = raw ? State.BODY : State.TEXT;
        jsQuote = 0;
        if (!raw) {
            element = "";
        }
    }

    /** An action's value, escaped for where it falls. */
    String value(Object v) {
        String text = v == null ? "" : v instanceof String s ? s : GoFmt.value(v);
        boolean trusted = v instanceof Values.SafeHtml || v instanceof Builtins.Escaped;
        return switch (state) {
            case TEXT, TAG_OPEN -> trusted ? text : Escapers.htmlText(text);
            case COMMENT -> "";
            case TAG, TAG_NAME, ATTR_NAME, AFTER_NAME -> Escapers.attrName(text);
            case BEFORE_VALUE, VALUE -> attribute(v, text);
            case BODY -> switch (element) {
                case "script" -> jsQuote != 0 ? Escapers.jsString(text) : Escapers.jsValue(v);
                case "style" -> Escapers.css(text);
                default -> Escapers.htmlText(text);
            };
        };
    }

    private String attribute(Object v, String text) {
        if (state == State.BEFORE_VALUE) {
            enterValue(' ');
        }
        String inner = switch (attr) {
            case URL -> urlQuery ? Escapers.urlPart(text) : valueStarted ? Escapers.urlNormal(text) : Escapers.url(text);
            case JS -> jsQuote != 0 ? Escapers.jsString(text) : Escapers.jsValue(v);
            case CSS -> Escapers.css(text);
            case PLAIN -> text;
        };
        valueStarted = true;
        if (attr == Attr.PLAIN && v instanceof Builtins.Escaped && delim != ' ') {
            return inner;
        }
        return delim == ' ' ? Escapers.htmlNoSpace(inner) : Escapers.htmlText(inner);
    }

    private static String lower(StringBuilder b) {
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
