package dev.basalt.hooks.js.template;

import dev.basalt.hooks.js.template.Node.Arg;
import dev.basalt.hooks.js.template.Node.Branch;
import dev.basalt.hooks.js.template.Node.Command;
import dev.basalt.hooks.js.template.Node.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.TreeMap;

/** Runs a parsed template set on data (maps, lists, strings, numbers, booleans, null) into escaped HTML. */
final class Exec {
    /** Nested {@code template} calls beyond this are an error (a template including itself). */
    static final int MAX_DEPTH = 200;
    private static final RuntimeException BREAK = new RuntimeException("break", null, false, false) { };
    private static final RuntimeException CONTINUE = new RuntimeException("continue", null, false, false) { };
    private final Map<String, List<Node>> set;
    private final Map<String, Function<List<Object>, Object>> funcs;
    private final StringBuilder out = new StringBuilder();
    private final HtmlContext html = new HtmlContext();
    private List<Object[]> vars = new ArrayList<>();
    private String current;
    private int line;
    private int depth;

    private Exec(Map<String, List<Node>> set, Map<String, Function<List<Object>, Object>> funcs) {
        this.set = set;
        this.funcs = funcs;
    }

    /** Runs template {@code name} on {@code data}; {@code funcs} are added functions (over the predefined ones). */
    static String run(Map<String, List<Node>> set, String name, Object data,
                      Map<String, Function<List<Object>, Object>> funcs) {
        Exec e = new Exec(set, funcs);
        e.call(name, data, 1);
        return e.out.toString();
    }

    private void call(String name, Object dot, int callLine) {
        List<Node> body = set.get(name);
        if (body == null) {
            throw new TemplateException(current == null ? name : current, callLine,
                    "no such template \"" + name + "\"");
        }
        if (++depth > MAX_DEPTH) {
            throw error("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        String outerName = current;
        List<Object[]> outerVars = vars;
        current = name;
        vars = new ArrayList<>();
        vars.add(new Object[] {"$", dot});
        walk(body, dot);
        current = outerName;
        vars = outerVars;
        depth--;
    }

    private void walk(List<Node> nodes, Object dot) {
        for (Node n : nodes) {
            switch (n) {
                case Node.Text t -> out.append(html.text(t.text()));
                case Node.Action a -> {
                    line = a.line();
                    Object v = pipe(a.pipe(), dot);
                    if (a.pipe().vars().isEmpty()) {
                        out.append(html.value(v));
                    }
                }
                case Branch b -> branch(b, dot);
                case Node.Call c -> {
                    line = c.line();
                    int at = line;
                    call(c.name(), c.pipe() == null ? null : pipe(c.pipe(), dot), at);
                }
                case Node.Jump j -> throw j.isBreak() ? BREAK : CONTINUE;
            }
        }
    }

    private void branch(Branch b, Object dot) {
        line = b.line();
        int scope = vars.size();
        if (b.keyword() == Node.Keyword.RANGE) {
            range(b, dot);
        } else {
            Object v = pipe(b.pipe(), dot);
            if (Values.truth(v)) {
                walk(b.body(), b.keyword() == Node.Keyword.WITH ? v : dot);
            } else {
                walk(b.otherwise(), dot);
            }
        }
        vars.subList(scope, vars.size()).clear();
    }

    private void range(Branch b, Object dot) {
        Object v = evalCommands(b.pipe(), dot);
        if (v instanceof List<?> list) {
            for (int i = 0; i < list.size() && iteration(b, (long) i, list.get(i)); i++) {
                // each element runs the body until a break
            }
        } else if (v instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                if (!iteration(b, e.getKey(), e.getValue())) {
                    break;
                }
            }
        } else if (v instanceof Number n && !(n instanceof Double)) {
            // counted without building a list: the number may come from request data
            for (long i = 0; i < n.longValue() && iteration(b, i, i); i++) {
                // each number runs the body until a break
            }
        } else if (v != null) {
            throw error("range can't iterate over " + GoFmt.sprint(List.of(v)));
        }
        boolean none = v instanceof Number n ? n.longValue() <= 0 : !Values.truth(v);
        if (none) {
            walk(b.otherwise(), dot);
        }
    }

    /** One pass of a range body with its variables; false after a {@code break}. */
    private boolean iteration(Branch b, Object key, Object value) {
        int scope = vars.size();
        List<String> names = b.pipe().vars();
        if (names.size() == 1) {
            vars.add(new Object[] {names.get(0), value});
        } else if (names.size() == 2) {
            vars.add(new Object[] {names.get(0), key});
            vars.add(new Object[] {names.get(1), value});
        }
        try {
            walk(b.body(), value);
            return true;
        } catch (RuntimeException jump) {
            if (jump == BREAK) {
                return false;
            } else if (jump != CONTINUE) {
                throw jump;
            }
            return true;
        } finally {
            vars.subList(scope, vars.size()).clear();
        }
    }

    private Object pipe(Pipe p, Object dot) {
        Object v = evalCommands(p, dot);
        for (String name : p.vars()) {
            if (p.assign()) {
                for (int i = vars.size() - 1; i >= 0; i--) {
                    if (vars.get(i)[0].equals(name)) {
                        vars.get(i)[1] = v;
                        break;
                    }
                }
            } else {
                vars.add(new Object[] {name, v});
            }
        }
        return v;
    }

    private Object evalCommands(Pipe p, Object dot) {
        Object v = null;
        boolean piped = false;
        for (Command c : p.commands()) {
            v = command(c, dot, piped, v);
            piped = true;
        }
        return v;
    }

    private Object command(Command c, Object dot, boolean piped, Object final_) {
        Arg first = c.args().get(0);
        if (first instanceof Node.Function f) {
            List<Arg> rest = c.args().subList(1, c.args().size());
            if (f.name().equals("and") || f.name().equals("or")) {
                return andOr(f.name().equals("and"), rest, dot, piped, final_);
            }
            List<Object> args = new ArrayList<>();
            for (Arg a : rest) {
                args.add(arg(a, dot));
            }
            if (piped) {
                args.add(final_);
            }
            return invoke(f.name(), args);
        }
        if (c.args().size() > 1 || piped) {
            throw error("can't give argument to non-function " + describe(first));
        }
        return arg(first, dot);
    }

    private Object andOr(boolean and, List<Arg> rest, Object dot, boolean piped, Object final_) {
        int count = rest.size() + (piped ? 1 : 0);
        if (count == 0) {
            throw error("wrong number of args for " + (and ? "and" : "or") + ": want at least 1 got 0");
        }
        Object v = null;
        for (int i = 0; i < count; i++) {
            v = i < rest.size() ? arg(rest.get(i), dot) : final_;
            if (Values.truth(v) != and) {
                return v;
            }
        }
        return v;
    }

    private Object invoke(String name, List<Object> args) {
        try {
            Function<List<Object>, Object> added = funcs.get(name); // Go looks the added functions up first
            return added != null ? added.apply(args) : Builtins.call(name, args);
        } catch (IllegalArgumentException e) {
            throw error("error calling " + name + ": " + e.getMessage());
        }
    }

    private Object arg(Arg a, Object dot) {
        return switch (a) {
            case Node.Dot d -> dot;
            case Node.Literal l -> l.value();
            case Node.Field f -> fields(dot, f.names());
            case Node.Variable v -> fields(variable(v.name()), v.names());
            case Node.Nested n -> fields(evalCommands(n.pipe(), dot), n.names());
            case Node.Function f -> invoke(f.name(), new ArrayList<>());
        };
    }

    private Object variable(String name) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i)[0].equals(name)) {
                return vars.get(i)[1];
            }
        }
        throw error("undefined variable: " + name);
    }

    private Object fields(Object receiver, List<String> names) {
        Object v = receiver;
        for (String name : names) {
            if (v instanceof Map<?, ?> m) {
                v = m.get(name);
            } else if (v == null) {
                throw error("nil pointer evaluating interface {}." + name);
            } else {
                throw error("can't evaluate field " + name + " in type " + GoFmt.typeName(v));
            }
        }
        return v;
    }

    private static String describe(Arg a) {
        return switch (a) {
            case Node.Field f -> "." + String.join(".", f.names());
            case Node.Variable v -> v.name();
            case Node.Dot d -> ".";
            default -> a.toString();
        };
    }

    private TemplateException error(String message) {
        return new TemplateException(current, line, "executing \"" + current + "\": " + message);
    }
}
