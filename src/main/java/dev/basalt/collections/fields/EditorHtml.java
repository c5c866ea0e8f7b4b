package dev.basalt.collections.fields;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The HTML an {@code editor} field keeps (OWASP java-html-sanitizer): what PocketBase's TinyMCE editor produces
 * (paragraphs, headings, lists, quotes, code samples, inline formatting, colours and alignment through a safe subset
 * of CSS, links, images, tables, text direction) and nothing that runs: scripts, styles sheets, frames, forms,
 * event handler attributes and {@code javascript:} (or any other non http/https/mailto/tel) URLs are removed.
 */
final class EditorHtml {
    private static final Pattern DIRECTION = Pattern.compile("(?i)ltr|rtl|auto");
    private static final Pattern CSS_CLASSES = Pattern.compile("[A-Za-z0-9_\\- ]{1,200}");
    private static final Pattern LINK_TARGET = Pattern.compile("(?i)_blank|_self|_parent|_top");
    private static final Pattern SIZE = Pattern.compile("\\d{1,5}(\\.\\d+)?(%|px)?");
    private static final Pattern SPAN_COUNT = Pattern.compile("\\d{1,3}");
    private static final Pattern SCOPE = Pattern.compile("(?i)row|col|rowgroup|colgroup");
    private static final Pattern ALIGN = Pattern.compile("(?i)left|right|center|justify");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "div", "span", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
                    "code", "strong", "b", "em", "i", "u", "s", "strike", "del", "ins", "sub", "sup", "small", "mark",
                    "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption", "table", "caption",
                    "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td")
            .allowStyling()
            .allowAttributes("dir").matching(DIRECTION).globally()
            .allowAttributes("title", "lang").globally()
            .allowAttributes("class").matching(CSS_CLASSES).globally()
            .allowAttributes("align").matching(ALIGN).globally()
            .allowAttributes("href").onElements("a")
            .allowAttributes("target").matching(LINK_TARGET).onElements("a")
            .allowAttributes("rel").onElements("a")
            .allowAttributes("src", "alt").onElements("img")
            .allowAttributes("width", "height").matching(SIZE).onElements("img", "table", "col", "td", "th")
            .allowAttributes("colspan", "rowspan").matching(SPAN_COUNT).onElements("td", "th")
            .allowAttributes("span").matching(SPAN_COUNT).onElements("col", "colgroup")
            .allowAttributes("scope").matching(SCOPE).onElements("th")
            .allowAttributes("border", "cellpadding", "cellspacing").matching(SPAN_COUNT).onElements("table")
            .allowAttributes("start").matching(SPAN_COUNT).onElements("ol")
            .allowStandardUrlProtocols()
            .allowUrlProtocols("tel")
            .requireRelsOnLinks("noopener", "noreferrer")
            .toFactory();

    private EditorHtml() {
    }

    /** The safe form of submitted HTML (plain text stays text, with {@code <}, {@code &} and quotes escaped). */
    static String sanitize(String html) {
        return html.isEmpty() ? html : POLICY.sanitize(html);
    }
}
