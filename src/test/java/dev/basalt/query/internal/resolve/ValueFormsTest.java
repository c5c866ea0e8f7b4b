package dev.basalt.query.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.Term;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Datetime texts, LIKE patterns and value coercions. */
class ValueFormsTest {

    @ParameterizedTest
    @CsvSource({
        "2024-01-02 10:11:12.345Z, 2024-01-02T10:11:12.345Z",
        "2024-01-02T10:11:12.345Z, 2024-01-02T10:11:12.345Z",
        "2024-01-02 10:11:12, 2024-01-02T10:11:12Z",
        "2024-01-02 10:11, 2024-01-02T10:11:00Z",
        "2024-01-02T10:11:12.5+02:00, 2024-01-02T08:11:12.5Z",
        "2024-01-02 10:11:12.123456789Z, 2024-01-02T10:11:12.123456789Z",
        "2024-01-02, 2024-01-02T00:00:00Z",
    })
    void parsesDatetimeForms(String text, String expected) {
        assertThat(DateTexts.parse(text)).contains(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"2024-13-01", "2024-02-30", "2024", "yesterday", "2024-01-02 25:00:00", "2024-01-02X10:00"})
    void rejectsOtherTexts(String text) {
        assertThat(DateTexts.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc | %abc%",
        "a_b | %a\\_b%",
        "a\\_b | %a\\_b%",
        "a\\b | %a\\\\b%",
        "50\\% | %50\\%%",
        "a%b | a%b",
        "a\\%b% | a\\%b%",
    })
    void buildsContainsPatterns(String value, String pattern) {
        assertThat(LikePatterns.contains(value)).isEqualTo(pattern);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TEXT | 5 | NUMBER | 5.0",
        "TEXT | -2.5 | NUMBER | -2.5",
        "TEXT | true | BOOL | true",
        "TEXT | 0 | BOOL | false",
        "NUMBER | 1 | BOOL | true",
        "NUMBER | 2.5 | TEXT | 2.5",
        "NUMBER | 3 | TEXT | 3",
        "BOOL | true | TEXT | true",
    })
    void coercesLiterals(Kind from, String value, Kind to, String expected) {
        Object source = switch (from) {
            case NUMBER -> Double.parseDouble(value);
            case BOOL -> Boolean.parseBoolean(value);
            default -> value;
        };
        Term.Value coerced = BoundValues.coerce(new Term.Value(source, from), to).orElseThrow();
        assertThat(coerced.kind()).isEqualTo(to);
        assertThat(String.valueOf(coerced.value())).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"TEXT | abc | NUMBER", "TEXT | yes | BOOL", "NUMBER | 2 | BOOL",
        "TEXT | soon | DATE"})
    void keepsLiteralsWithoutAFormOfTheKind(Kind from, String value, Kind to) {
        Object source = from == Kind.NUMBER ? (Object) Double.parseDouble(value) : value;
        assertThat(BoundValues.coerce(new Term.Value(source, from), to)).isEmpty();
    }
}
