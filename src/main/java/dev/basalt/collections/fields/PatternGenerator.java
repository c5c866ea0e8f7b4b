package dev.basalt.collections.fields;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generates random strings from the small regular-expression subset PocketBase users write in
 * {@code autogeneratePattern}: literal characters and {@code [a-z0-9_]} classes, each optionally repeated
 * with {@code {n}} or {@code {n,m}}.
 */
public final class PatternGenerator {
    /**
     * A DRBG draws from memory after seeding; the platform default reads the OS source under a global lock on
     * every call, which record creation (15 draws per id) felt under load.
     */
    private static final SecureRandom RANDOM = drbg();
    /** Parsed patterns; there are only as many as the collections' id and text fields declare. */
    private static final Map<String, List<Atom>> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_PARSED = 1_000;

    private record Atom(char[] choices, int min, int max) {
    }

    private PatternGenerator() {
    }

    /** True when the pattern uses only the supported subset. */
    public static boolean supports(String pattern) {
        try {
            parse(pattern);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A random string matching the pattern. */
    public static String generate(String pattern) {
        List<Atom> atoms = PARSED.get(pattern);
        if (atoms == null) {
            atoms = parse(pattern);
            if (PARSED.size() < MAX_PARSED) {
                PARSED.put(pattern, atoms);
            }
        }
        StringBuilder out = new StringBuilder();
        Bytes random = new Bytes();
        for (Atom atom : atoms) {
            int n = atom.min + (atom.max > atom.min ? random.below(atom.max - atom.min + 1) : 0);
            for (int i = 0; i < n; i++) {
                out.append(atom.choices[random.below(atom.choices.length)]);
            }
        }
        return out.toString();
    }

    /**
     * Random bytes drawn from the shared generator a block at a time: one call (and one take of its lock) per
     * value instead of one per character (15 per record id; JFR showed the generator in 7 % of a create's CPU).
     */
    private static final class Bytes {
        private static final int BLOCK = 32;
        private final byte[] block = new byte[BLOCK];
        private int next = BLOCK;

        /** A uniform value in [0, bound): bytes at or above the last multiple of bound are skipped. */
        int below(int bound) {
            if (bound > 256) { // a class wider than a byte (rare): a draw of its own
                return RANDOM.nextInt(bound);
            }
            int limit = 256 - 256 % bound;
            while (true) {
                if (next == BLOCK) {
                    RANDOM.nextBytes(block);
                    next = 0;
                }
                int b = block[next++] & 0xFF;
                if (b < limit) {
                    return b % bound;
                }
            }
        }
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    private static List<Atom> parse(String p) {
        List<Atom> atoms = new ArrayList<>();
        int i = 0;
        if (p.startsWith("^")) {
            i++;
        }
        int end = p.endsWith("$") ? p.length() - 1 : p.length();
        while (i < end) {
            char c = p.charAt(i);
            char[] choices;
            if (c == '[') {
                int close = p.indexOf(']', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed class");
                }
                choices = expandClass(p.substring(i + 1, close));
                i = close + 1;
            } else if (c == '\\' && i + 1 < end) {
                choices = new char[] {p.charAt(i + 1)};
                i += 2;
            } else if ("(){}*+?|.".indexOf(c) >= 0) {
                throw new IllegalArgumentException("unsupported " + c);
            } else {
                choices = new char[] {c};
                i++;
            }
            int min = 1;
            int max = 1;
            if (i < end && p.charAt(i) == '{') {
                int close = p.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed repeat");
                }
                String[] parts = p.substring(i + 1, close).split(",", -1);
                try {
                    min = Integer.parseInt(parts[0].trim());
                    max = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : min;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad repeat");
                }
                if (min < 0 || max < min || max > 255 || parts.length > 2) {
                    throw new IllegalArgumentException("bad repeat");
                }
                i = close + 1;
            }
            atoms.add(new Atom(choices, min, max));
        }
        if (atoms.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        return List.copyOf(atoms);
    }

    private static char[] expandClass(String body) {
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '^') {
                throw new IllegalArgumentException("negated class");
            }
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                char to = body.charAt(i + 2);
                if (to < c) {
                    throw new IllegalArgumentException("bad range");
                }
                for (char x = c; x <= to; x++) {
                    chars.append(x);
                }
                i += 2;
            } else {
                chars.append(c);
            }
        }
        if (chars.isEmpty()) {
            throw new IllegalArgumentException("empty class");
        }
        return chars.toString().toCharArray();
    }
}
