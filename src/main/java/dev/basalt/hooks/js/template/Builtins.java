package dev.basalt.hooks.js.template;

import java.util.List;
import java.util.Set;

/** The predefined functions of Go's templates, plus PocketBase's {@code raw} (trusted HTML). */
final class Builtins {
    /** The functions a template may call. */
    static final Set<String> NAMES = Set.of("and", "or", "not", "len", "index", "slice", "print", "printf",
            "println", "html", "js", "urlquery", "eq", "ne", "lt", "le", "gt", "ge", "raw");

    private Builtins() {
    }

    /** Calls {@code name}; a wrong use is an {@link IllegalArgumentException} with Go's wording. */
    static Object call(String name, List<Object> args) {
        return switch (name) {
            case "not" -> !Values.truth(one(name, args));
            case "len" -> Values.length(one(name, args));
            case "index" -> {
                atLeast(name, args, 1);
                Object v = args.get(0);
                for (Object key : args.subList(1, args.size())) {
                    v = Values.index(v, key);
                }
                yield v;
            }
            case "slice" -> {
                atLeast(name, args, 1);
                yield Values.slice(args.get(0), args.subList(1, args.size()));
            }
            case "print" -> GoFmt.sprint(args);
            case "println" -> GoFmt.sprintln(args);
            case "printf" -> {
                atLeast(name, args, 1);
                yield GoFmt.sprintf(String.valueOf(args.get(0)), args.subList(1, args.size()));
            }
            case "html" -> new Escaped(Escapers.html(evalArgs(args)));
            case "js" -> Escapers.js(evalArgs(args));
            case "urlquery" -> Escapers.query(evalArgs(args));
            case "raw" -> new Values.SafeHtml(String.valueOf(one(name, args)));
            case "eq" -> {
                atLeast(name, args, 2);
                boolean any = false;
                for (Object other : args.subList(1, args.size())) {
                    any |= Values.equal(args.get(0), other);
                }
                yield any;
            }
            case "ne" -> !Values.equal(two(name, args).get(0), args.get(1));
            case "lt" -> Values.compare(two(name, args).get(0), args.get(1)) < 0;
            case "le" -> Values.compare(two(name, args).get(0), args.get(1)) <= 0;
            case "gt" -> Values.compare(two(name, args).get(0), args.get(1)) > 0;
            case "ge" -> Values.compare(two(name, args).get(0), args.get(1)) >= 0;
            default -> throw new IllegalArgumentException("function \"" + name + "\" not defined");
        };
    }

    /**
     * The output of {@code html}: already escaped for HTML text, so html/template does not escape it twice there
     * (Go drops its own escaper when a pipeline ends in {@code html}).
     */
    record Escaped(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** The text of the escaping functions' arguments: one string as is, else fmt.Sprint of them. */
    private static String evalArgs(List<Object> args) {
        if (args.size() == 1 && (args.get(0) instanceof String || args.get(0) instanceof Escaped)) {
            return args.get(0).toString();
        }
        return GoFmt.sprint(args);
    }

    private static Object one(String name, List<Object> args) {
        if (args.size() != 1) {
            throw new IllegalArgumentException("wrong number of args for " + name + ": want 1 got " + args.size());
        }
        return args.get(0);
    }

    private static List<Object> two(String name, List<Object> args) {
        if (args.size() != 2) {
            throw new IllegalArgumentException("wrong number of args for " + name + ": want 2 got " + args.size());
        }
        return args;
    }

    private static void atLeast(String name, List<Object> args, int n) {
        if (args.size() < n) {
            throw new IllegalArgumentException("wrong number of args for " + name + ": want at least " + n
                    + " got " + args.size());
        }
    }
}
