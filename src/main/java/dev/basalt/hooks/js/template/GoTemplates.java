package dev.basalt.hooks.js.template;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Go's {@code html/template} for hook code ({@code $template}): the template language (fields, variables, if,
 * range, with, define/template/block, pipes, the predefined functions and PocketBase's {@code raw}) and contextual
 * HTML escaping of every printed value. Data is what JSON gives: maps, lists, strings, numbers, booleans, null.
 */
public final class GoTemplates {
    private final String entry;
    private final Map<String, List<Node>> trees;
    private final Map<String, Function<List<Object>, Object>> funcs;

    private GoTemplates(String entry, Map<String, List<Node>> trees,
                        Map<String, Function<List<Object>, Object>> funcs) {
        this.entry = entry;
        this.trees = trees;
        this.funcs = funcs;
    }

    /** A named template source (a file's base name and its text). */
    public record Source(String name, String text) { }

    /** One template text, named "" as PocketBase's {@code loadString} names it. */
    public static GoTemplates parse(String text) {
        return parse(List.of(new Source("", text)));
    }

    /**
     * Templates parsed together as Go's {@code ParseFiles}: each source's body under its name, the templates they
     * define shared, a later definition replacing an earlier one unless it is empty; rendering runs the first.
     */
    public static GoTemplates parse(List<Source> sources) {
        return parse(sources, Map.of());
    }

    /**
     * As {@link #parse(List)}, with added functions ({@code $template.addFuncs}, Go's {@code Funcs}): each takes the
     * call's arguments; an {@link IllegalArgumentException} it throws is the call's error.
     */
    public static GoTemplates parse(List<Source> sources, Map<String, Function<List<Object>, Object>> funcs) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("template: no files named");
        }
        Map<String, List<Node>> trees = new LinkedHashMap<>();
        Set<String> names = new HashSet<>(Builtins.NAMES);
        names.addAll(funcs.keySet());
        for (Source s : sources) {
            Parser.parse(s.name(), s.text(), names).forEach((name, tree) -> {
                if (!trees.containsKey(name) || !isEmpty(tree)) {
                    trees.put(name, tree);
                }
            });
        }
        return new GoTemplates(sources.get(0).name(), trees, Map.copyOf(funcs));
    }

    /** The first template run on {@code data}, with each printed value escaped for its place in the HTML. */
    public String render(Object data) {
        return Exec.run(trees, entry, data, funcs);
    }

    /** Go's empty tree: only white space, which does not replace an existing definition. */
    private static boolean isEmpty(List<Node> tree) {
        return tree.stream().allMatch(n -> n instanceof Node.Text t && t.text().isBlank());
    }
}
