package dev.basalt.query.internal.syntax;

import java.util.List;

/** A parsed filter expression: the AST. Every node keeps the 0-based source offset of the token that starts it. */
public sealed interface Expr {

    int position();

    /** {@code left && right}; position of the {@code &&}. */
    record And(Expr left, Expr right, int position) implements Expr {
    }

    /** {@code left || right}; position of the {@code ||}. */
    record Or(Expr left, Expr right, int position) implements Expr {
    }

    /** {@code (inner)}; position of the {@code (}. */
    record Group(Expr inner, int position) implements Expr {
    }

    /** {@code left op right}, {@code anyOf} for the {@code ?op} forms; position of the left operand. */
    record Comparison(Operand left, Operator operator, boolean anyOf, Operand right, int position) implements Expr {
    }

    /** An operand of a comparison. */
    sealed interface Operand {
        int position();
    }

    /** A field or {@code @request.*} path with its modifiers ({@code name:lower} has path "name", modifiers [lower]). */
    record Identifier(String path, List<String> modifiers, int position) implements Operand {
        public Identifier {
            modifiers = List.copyOf(modifiers);
        }

        /** The source offset of the i-th modifier's name. */
        public int modifierPosition(int i) {
            int p = position + path.length() + 1;
            for (int j = 0; j < i; j++) {
                p += modifiers.get(j).length() + 1;
            }
            return p;
        }

        /** The identifier as written. */
        public String text() {
            return modifiers.isEmpty() ? path : path + ":" + String.join(":", modifiers);
        }
    }

    /** A quoted string, unescaped. */
    record StringLit(String value, int position) implements Operand {
    }

    /** A number as written and its value. */
    record NumberLit(double value, String text, int position) implements Operand {
    }

    /** {@code true} or {@code false}. */
    record BoolLit(boolean value, int position) implements Operand {
    }

    /** {@code null}. */
    record NullLit(int position) implements Operand {
    }

    /** A datetime macro such as {@code @now} (name with the {@code @}). */
    record Macro(String name, int position) implements Operand {
    }

    /** A {@code {:name}} placeholder. */
    record Placeholder(String name, int position) implements Operand {
    }

    /** A function call such as {@code geoDistance(a, b, c, d)}: the name as written and its plain operands. */
    record FunctionCall(String name, List<Operand> arguments, int position) implements Operand {
        public FunctionCall {
            arguments = List.copyOf(arguments);
        }
    }
}
