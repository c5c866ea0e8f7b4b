package dev.basalt.query.internal.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code strftime} format split into literal text and substitutions. The substitutions are SQLite's (PocketBase
 * passes the format to SQLite's {@code strftime}): {@code %d %e %f %F %G %g %H %I %j %J %k %l %m %M %p %P %R %s
 * %S %T %u %U %V %w %W %Y}, and {@code %%} for a percent sign. Any other {@code %x} is refused (SQLite would
 * answer NULL, which PocketBase turns into '' for every row).
 */
public final class TimeFormat {
    /** The letters that may follow {@code %}. */
    public static final String SPECIFIERS = "deFfGgHIjJklmMpPRsSTuUVwWY";

    private TimeFormat() {
    }

    /** A part of a format. */
    public sealed interface Part {
    }

    /** Text copied as is. */
    public record Literal(String text) implements Part {
    }

    /** A substitution, by its letter. */
    public record Spec(char letter) implements Part {
    }

    /**
     * The parts of a format, adjacent literal text merged.
     *
     * @throws IllegalArgumentException naming the unknown or incomplete substitution
     */
    public static List<Part> parse(String format) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            if (i + 1 >= format.length()) {
                throw new IllegalArgumentException("the format ends with a lone '%'");
            }
            char letter = format.charAt(++i);
            if (letter == '%') {
                literal.append('%');
            } else if (SPECIFIERS.indexOf(letter) >= 0) {
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Spec(letter));
            } else {
                throw new IllegalArgumentException("unsupported format '%" + letter + "' (supported: %"
                        + String.join(" %", SPECIFIERS.split("")) + " %%)");
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return List.copyOf(parts);
    }
}
