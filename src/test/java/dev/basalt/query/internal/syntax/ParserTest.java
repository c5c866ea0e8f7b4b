package dev.basalt.query.internal.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.query.internal.syntax.Expr.And;
import dev.basalt.query.internal.syntax.Expr.BoolLit;
import dev.basalt.query.internal.syntax.Expr.Comparison;
import dev.basalt.query.internal.syntax.Expr.Group;
import dev.basalt.query.internal.syntax.Expr.Identifier;
import dev.basalt.query.internal.syntax.Expr.Macro;
import dev.basalt.query.internal.syntax.Expr.NullLit;
import dev.basalt.query.internal.syntax.Expr.NumberLit;
import dev.basalt.query.internal.syntax.Expr.Or;
import dev.basalt.query.internal.syntax.Expr.Placeholder;
import dev.basalt.query.internal.syntax.Expr.StringLit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AST the parser builds, with source positions. */
class ParserTest {

    private static Expr parse(String src) {
        return Parser.parse(src).orElseThrow();
    }

    @Test
    void buildsComparisonsWithPositions() {
        assertThat(parse("  title:lower ?!~ 'a\\'b'")).isEqualTo(new Comparison(
                new Identifier("title", List.of("lower"), 2), Operator.NOT_LIKE, true, new StringLit("a'b", 18), 2));
    }

    @Test
    void andBindsTighterThanOr() {
        Expr e = parse("a = 1 || b = 2 && c = 3");
        assertThat(e).isInstanceOf(Or.class);
        Or or = (Or) e;
        assertThat(or.position()).isEqualTo(6);
        assertThat(or.left()).isInstanceOf(Comparison.class);
        assertThat(or.right()).isInstanceOf(And.class);
        assertThat(((And) or.right()).position()).isEqualTo(15);
    }

    @Test
    void groupsOverridePrecedence() {
        Expr e = parse("(a = 1 || b = 2) && c = 3");
        assertThat(e).isInstanceOf(And.class);
        assertThat(((And) e).left()).isInstanceOf(Group.class);
        assertThat(((And) e).left().position()).isZero();
    }

    @Test
    void readsEveryOperandKind() {
        Comparison c = (Comparison) parse("@now >= -12.5");
        assertThat(c.left()).isEqualTo(new Macro("@now", 0));
        assertThat(c.right()).isEqualTo(new NumberLit(-12.5, "-12.5", 8));
        c = (Comparison) parse("{:min} < NULL");
        assertThat(c.left()).isEqualTo(new Placeholder("min", 0));
        assertThat(c.right()).isEqualTo(new NullLit(9));
        c = (Comparison) parse("@request.auth.id != False");
        assertThat(c.left()).isEqualTo(new Identifier("@request.auth.id", List.of(), 0));
        assertThat(c.right()).isEqualTo(new BoolLit(false, 20));
        c = (Comparison) parse("\"x\" = 'y'");
        assertThat(c.left()).isEqualTo(new StringLit("x", 0));
    }

    @Test
    void readsEveryOperator() {
        for (String op : List.of("=", "!=", ">", ">=", "<", "<=", "~", "!~")) {
            Comparison plain = (Comparison) parse("a " + op + " 1");
            Comparison any = (Comparison) parse("a ?" + op + " 1");
            assertThat(plain.operator().symbol()).isEqualTo(op);
            assertThat(plain.anyOf()).isFalse();
            assertThat(any.operator()).isEqualTo(plain.operator());
            assertThat(any.anyOf()).isTrue();
        }
    }

    @Test
    void modifierPositionsPointAtTheModifier() {
        Identifier tags = (Identifier) ((Comparison) ((And) parse("x = 1 && tags:lower = 'a'")).right()).left();
        assertThat(tags.modifierPosition(0)).isEqualTo(14);
    }

    @Test
    void blankAndCommentOnlyInputsAreEmpty() {
        assertThat(Parser.parse("")).isEmpty();
        assertThat(Parser.parse(" \n\t ")).isEmpty();
        assertThat(Parser.parse("// just a note\n// another")).isEmpty();
    }

    @Test
    void lexerSkipsCommentsAndKeepsOtherBackslashes() {
        List<Token> tokens = Lexer.tokenize("a='x\\%y' // note\n||b");
        assertThat(tokens).extracting(Token::type).containsExactly(TokenType.IDENTIFIER, TokenType.OPERATOR,
                TokenType.STRING, TokenType.OR, TokenType.IDENTIFIER, TokenType.EOF);
        assertThat(tokens.get(2).value()).isEqualTo("x\\%y");
        assertThat(tokens.get(3).position()).isEqualTo(17);
    }
}
