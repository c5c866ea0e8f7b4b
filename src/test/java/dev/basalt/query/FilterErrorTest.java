package dev.basalt.query;

import static dev.basalt.query.QueryFixtures.POSTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.basalt.shared.FieldError;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid filters: each error is a 400 naming the offending token and its 0-based position. */
class FilterErrorTest {
    private final QueryCompiler compiler = new QueryCompiler();

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("title = 'abc", "unterminated string \"'abc\" at position 8"),
                arguments("title = \"abc\\\"", "unterminated string \"\"abc\\\"\" at position 8"),
                arguments("title => 'a'", "invalid operator \"=>\" at position 6"),
                arguments("title == 'a'", "invalid operator \"==\" at position 6"),
                arguments("title ?? 'a'", "invalid operator \"??\" at position 6"),
                arguments("title = 'a' & views > 1", "invalid operator \"&\" (expected \"&&\") at position 12"),
                arguments("title = 'a' | views > 1", "invalid operator \"|\" (expected \"||\") at position 12"),
                arguments("title 'a'", "expected an operator after \"title\" but found \"'a'\" at position 6"),
                arguments("title =", "expected a field, a value or a placeholder but found end of expression at position 7"),
                arguments("title = 'a' views = 1", "unexpected \"views\" (expected \"&&\", \"||\" or the end) at position 12"),
                arguments("title = $x", "unexpected character \"$\" at position 8"),
                arguments("title = 'a' / 2", "unexpected character \"/\" at position 12"),
                arguments("views > 1.2.3", "invalid number \"1.2.3\" at position 8"),
                arguments("views > 5x", "invalid number \"5x\" at position 8"),
                arguments("title = {:na me}", "invalid placeholder \"{:na me}\" (expected {:name}) at position 8"),
                arguments("title = 'x' || titel = 'y'", "unknown field \"titel\" at position 15"),
                arguments("secret = 'x'", "unknown field \"secret\" at position 0"),
                arguments("published > @nowx", "unknown macro \"@nowx\" at position 12"),
                arguments("title = {:foo}", "unknown placeholder \"{:foo}\" at position 8"),
                arguments("(title = 'a'", "missing \")\" for the \"(\" opened at position 0, found end of expression at position 12"),
                arguments("((title = 'a') || views > 1", "missing \")\" for the \"(\" opened at position 0, found end of expression at position 27"),
                arguments("title = 'a')", "unexpected \")\" without a matching \"(\" at position 11"),
                arguments("()", "empty parentheses at position 0"),
                arguments("title:upper = 'a'", "unknown modifier \":upper\" at position 6"),
                arguments("title:length > 1", "modifier \":length\" needs a multi-valued field at position 6"),
                arguments("title. = 'a'", "invalid identifier \"title.\" at position 0"),
                arguments("author.name = 'x'", "unknown field \"author\" in \"author.name\" at position 0"),
                arguments("@request.body.title:changed = 'x'",
                        "a \":changed\" field can only be compared with = or != to true or false at position 0"),
                arguments("@request.body.title:changed > true",
                        "a \":changed\" field can only be compared with = or != to true or false at position 0"),
                arguments("@request.body.nope:changed = true",
                        "modifier \":changed\" needs a field of the collection, not \"nope\" at position 0"),
                arguments("@request.body.secret:changed = true",
                        "modifier \":changed\" needs a field of the collection, not \"secret\" at position 0"),
                arguments("title:isset = true", "modifier \":isset\" is only for @request.body.* fields at position 6"),
                arguments("title:each = 'a'", "modifier \":each\" needs a multi-valued field at position 6"),
                arguments("@request.query.x:upper = 'a'", "unknown modifier \":upper\" at position 17"),
                arguments("@request.method.x = 'a'", "unknown field \"@request.method.x\" at position 0"),
                arguments("@request.headers = 'a'",
                        "\"@request.headers\" needs a key, e.g. @request.headers.name at position 0"),
                arguments("@request.body.title.name = 'a'",
                        "unknown relation field \"title\" in \"@request.body.title.name\" at position 0"),
                arguments("@request.auth = 'x'", "\"@request.auth\" needs a field, e.g. @request.auth.id at position 0"),
                arguments("@request.body = 'x'", "\"@request.body\" needs a key, e.g. @request.body.name at position 0"),
                arguments("@request.nope = 'x'", "unknown field \"@request.nope\" at position 0"),
                arguments("@collection.posts.title = 'x'",
                        "unknown collection \"posts\" in \"@collection.posts.title\" at position 0"),
                arguments("@collection.posts = 'x'",
                        "invalid @collection field \"@collection.posts\", expected @collection.name.field at position 0"),
                arguments("title = 'a\u0000'", "invalid character \"\\u0000\" at position 10"),
                arguments("@now:lower = 'x'", "modifiers are not allowed on \"@now\" at position 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void namesTheOffendingToken(String filter, String detail) {
        assertThatThrownBy(() -> compiler.condition(filter, POSTS, QueryFixtures.user(), false, TableCatalog.EMPTY))
                .isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Invalid filter: " + detail + ".");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.data()).containsEntry("filter",
                            new FieldError(QueryException.INVALID_FILTER, e.getMessage()));
                });
    }

    @Test
    void hiddenColumnsWorkWhenAllowed() {
        assertThat(QueryFixtures.sql(compiler.condition("secret = 'x'", POSTS, QueryFixtures.user(), true, TableCatalog.EMPTY)))
                .isEqualTo("posts.secret = ?");
    }

    @Test
    void rejectsTooLongExpressions() {
        String filter = "title = '" + "x".repeat(QueryLimits.MAX_FILTER_LENGTH) + "'";
        assertThatThrownBy(() -> compiler.condition(filter, POSTS, QueryFixtures.user(), false, TableCatalog.EMPTY))
                .hasMessage("Invalid filter: the expression is longer than 3500 characters.");
    }

    @Test
    void rejectsTooManyExpressions() {
        String ok = String.join(" || ", java.util.Collections.nCopies(QueryLimits.MAX_FILTER_EXPRESSIONS, "id='a'"));
        compiler.validate(ok, POSTS, false, TableCatalog.EMPTY);
        String tooMany = ok + " || title='b'";
        int position = tooMany.lastIndexOf("title");
        assertThatThrownBy(() -> compiler.validate(tooMany, POSTS, false, TableCatalog.EMPTY))
                .hasMessage("Invalid filter: too many expressions (at most 200) at position " + position + ".");
    }

    @Test
    void rejectsDeepNesting() {
        int depth = QueryLimits.MAX_NESTING_DEPTH + 1;
        String filter = "(".repeat(depth) + "id='a'" + ")".repeat(depth);
        assertThatThrownBy(() -> compiler.validate(filter, POSTS, false, TableCatalog.EMPTY))
                .hasMessage("Invalid filter: parentheses nested deeper than 64 at position 64.");
    }

    @Test
    void reportsRuleErrorsUnderTheRuleName() {
        QuerySpec spec = new QuerySpec(POSTS, List.of(), List.of(FilterInput.rule("titel = 'x'", "listRule")),
                null, false, null, QueryFixtures.user());
        assertThatThrownBy(() -> compiler.plan(spec)).isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.parameter()).isEqualTo("listRule");
            assertThat(e.position()).isZero();
            assertThat(e.data()).containsOnlyKeys("listRule");
        });
    }

    @Test
    void validationAcceptsAnyAuthKeyButNoPlaceholders() {
        compiler.validate("@request.auth.anything = title && @request.auth.id != ''", POSTS, false, TableCatalog.EMPTY);
        compiler.validate("// only a comment", POSTS, false, TableCatalog.EMPTY);
        assertThatThrownBy(() -> compiler.validate("title = {:x}", POSTS, false, TableCatalog.EMPTY))
                .hasMessage("Invalid filter: unknown placeholder \"{:x}\" at position 8.");
    }
}
