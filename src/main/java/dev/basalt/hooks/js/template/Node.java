package dev.basalt.hooks.js.template;

import java.util.List;

/** The typed syntax tree of a template, as Go's text/template/parse builds it. */
sealed interface Node {
    /** Raw template text. */
    record Text(String text) implements Node { }

    /** {@code {{pipeline}}}: its value is printed (unless it declares a variable). */
    record Action(int line, Pipe pipe) implements Node { }

    /** {@code if}, {@code with} and {@code range}: a pipeline, a body and an optional {@code else} body. */
    record Branch(Keyword keyword, int line, Pipe pipe, List<Node> body, List<Node> otherwise) implements Node { }

    /** {@code {{template "name" pipeline}}} (and the call half of a {@code block}). */
    record Call(int line, String name, Pipe pipe) implements Node { }

    /** {@code {{break}}} and {@code {{continue}}} inside a range. */
    record Jump(boolean isBreak) implements Node { }

    /** The control keywords that take a pipeline and a body. */
    enum Keyword { IF, WITH, RANGE }

    /** Commands joined by {@code |}, with the variables it declares ({@code $x :=}) or assigns ({@code $x =}). */
    record Pipe(int line, List<String> vars, boolean assign, List<Command> commands) { }

    /** One command of a pipeline: a function and its arguments, or a single operand. */
    record Command(List<Arg> args) { }

    /** An operand of a command. */
    sealed interface Arg { }

    /** {@code .}: the data in scope. */
    record Dot() implements Arg { }

    /** {@code .a.b}: fields of the data in scope. */
    record Field(List<String> names) implements Arg { }

    /** {@code $x.a.b} (names may be empty). */
    record Variable(String name, List<String> names) implements Arg { }

    /** A function name. */
    record Function(String name) implements Arg { }

    /** A string, number, bool or nil literal (nil as {@code null}). */
    record Literal(Object value) implements Arg { }

    /** {@code (pipeline)}, optionally followed by fields: {@code (index .a 0).b}. */
    record Nested(Pipe pipe, List<String> names) implements Arg { }
}
