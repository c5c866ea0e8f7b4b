package dev.basalt.collections.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

/**
 * Each field type's cast of a submitted value, table by table, over PocketBase's own cases (its
 * {@code core/field_*_test.go} PrepareValue tables, {@code list.ToUniqueStringSlice} and the form reader's
 * {@code inferValue}) plus the Go {@code strconv}/{@code spf13/cast} rules behind them.
 */
class CastsTest {
    private static final TextField TEXT = new TextField("t1", "title", "text", false, false, false, false, 0, 0, "",
            "", false);
    private static final NumberField NUMBER = new NumberField("n1", "views", "number", false, false, false, false,
            null, null, false);
    private static final BoolField BOOL = new BoolField("b1", "flag", "bool", false, false, false, false);
    private static final SelectField ONE = new SelectField("s1", "one", "select", false, false, false, false,
            List.of("a", "b", "c"), 1);
    private static final SelectField MANY = new SelectField("s2", "many", "select", false, false, false, false,
            List.of("a", "b", "c"), 3);
    private static final RelationField REL = new RelationField("r1", "rel", "relation", false, false, false, false,
            "c1", false, 0, 1);
    private static final JsonField JSON = new JsonField("j1", "meta", "json", false, false, false, false, 0);

    private static void table(Field field, Object[][] rows) {
        for (Object[] row : rows) {
            Object got = field.accept(row[0], null);
            if (got instanceof String[] arr) {
                got = List.of(arr);
            } else if (got instanceof JSONB j) {
                got = j.data();
            }
            assertThat(got).as("%s of %s", field.type(), Arrays.deepToString(new Object[] {row[0]})).isEqualTo(row[1]);
        }
    }

    @Test
    void textIsCastToStringWithFullDecimals() {
        table(TEXT, new Object[][] {
            {"", ""}, {"test", "test"}, {false, "false"}, {true, "true"}, {123.456, "123.456"}, {null, ""},
            {12, "12"}, {3.0, "3"}, {1e21, "1000000000000000000000"}, {1.5e-7, "0.00000015"}, {-0.0, "-0"},
            {12345678901234567890.0, "12345678901234567000"}, {List.of("a"), ""}, {Map.of("a", 1), ""},
        });
    }

    @Test
    void numberIsCastLikeGoParseFloatAndNeverRefused() {
        table(NUMBER, new Object[][] {
            {"", 0d}, {"test", 0d}, {false, 0d}, {true, 1d}, {-2, -2d}, {123.456, 123.456}, {null, 0d},
            {"12", 12d}, {"-1.5e3", -1500d}, {".5", 0.5}, {"1.", 1d}, {"+7", 7d}, {"1_000", 1000d},
            {"0x10p0", 16d}, {"0x1.8p1", 3d}, {" 5", 0d}, {"5 ", 0d}, {"1__0", 0d}, {"_1", 0d}, {"1_", 0d},
            {"1e400", 0d}, {"1e-400", 0d}, {"0x10", 0d}, {"12abc", 0d}, {List.of(5), 0d}, {Map.of("a", 1), 0d},
        });
        for (String special : List.of("inf", "+Inf", "-infinity", "INFINITY", "nan", "NaN")) {
            Object stored = NUMBER.accept(special, null);
            assertThat(Double.isFinite((Double) stored)).as(special).isFalse();
            assertThat(NUMBER.check(stored).code()).as(special).isEqualTo("validation_not_a_number");
        }
        assertThat(NUMBER.accept("+nan", null)).isEqualTo(0d);
        assertThat(NUMBER.accept("infin", null)).isEqualTo(0d);
    }

    @Test
    void boolIsTrueOnlyForNonZeroNumbersAndParseBoolTrueText() {
        table(BOOL, new Object[][] {
            {"", false}, {"f", false}, {"t", true}, {1, true}, {0, false}, {null, false}, {true, true},
            {"1", true}, {"T", true}, {"TRUE", true}, {"true", true}, {"True", true}, {0.5, true},
            {"tRUE", false}, {"on", false}, {"yes", false}, {"y", false}, {" true", false}, {"2", false},
            {List.of(true), false}, {Map.of("a", true), false},
        });
    }

    @Test
    void selectAndRelationTakeJsonArraysAndSingleFieldsKeepTheLastValue() {
        Object[][] single = {
            {null, ""}, {"", ""}, {123, "123"}, {"a", "a"}, {"[\"a\"]", "a"}, {List.of(), ""},
            {List.of("a", "b"), "b"}, {"[\"a\",\"b\"]", "b"}, {List.of("b", "a", "b"), "a"},
        };
        table(ONE, single);
        table(REL, single);
        table(MANY, new Object[][] {
            {null, List.of()}, {"", List.of()}, {123, List.of("123")}, {"a", List.of("a")},
            {"[\"a\"]", List.of("a")}, {List.of(), List.of()}, {List.of("a", "b", "c"), List.of("a", "b", "c")},
            {" [\"a\", \"b\", \"a\"]", List.of("a", "b")}, {"a[1]", List.of("a[1]")}, {"[1,2]", List.of("[1,2]")},
            {"[\"a\",1]", List.of("a", "[\"a\",1]")}, {Arrays.asList(0, 1, "test", "", null), List.of("0", "1", "test")},
            {List.of("a", List.of("b")), List.of()}, {Map.of("a", "b"), List.of()}, {true, List.of("true")},
        });
    }

    @Test
    void jsonTakesTextAsJsonOnlyWhenItLooksLikeAndIsJson() {
        table(JSON, new Object[][] {
            {"null", "null"}, {"", "\"\""}, {"true", "true"}, {"false", "false"}, {"test", "\"test\""},
            {"123", "123"}, {"-456", "-456"}, {"[1,2,3]", "[1,2,3]"}, {"[1,2,3", "\"[1,2,3\""},
            {"{\"a\":1,\"b\":2}", "{\"a\":1,\"b\":2}"}, {"{\"a\":1,\"b\":2", "\"{\\\"a\\\":1,\\\"b\\\":2\""},
            {List.of(1, 2, 3), "[1,2,3]"}, {Map.of("a", 1), "{\"a\":1}"}, {false, "false"}, {true, "true"},
            {-78, "-78"}, {123.456, "123.456"}, {"\"quoted\"", "\"quoted\""}, {" 1", "\" 1\""},
            {"True", "\"True\""}, {"1 2", "\"1 2\""}, {List.of("a"), "[\"a\"]"}, {1.0, "1"},
            {List.of(2.0, Map.of("x", 0.5)), "[2,{\"x\":0.5}]"},
        });
        assertThat(JSON.accept(null, null)).isNull();
    }

    @Test
    void formValuesAreInferredAsPocketBaseFormReaderDoes() {
        Object[][] rows = {
            {"", ""}, {"true", true}, {"false", false}, {"1", 1d}, {"-3.4", -3.4}, {"0.0001", 0.0001},
            {"0", 0d}, {"-0", -0d}, {"True", "True"}, {"0.0", "0.0"}, {"-0.0", "-0.0"}, {"000.1", "000.1"},
            {"000001", "000001"}, {"-000001", "-000001"}, {"1.6E-35", "1.6E-35"}, {"10e100", "10e100"},
            {"1_000_000", "1_000_000"}, {"1.000.000", "1.000.000"}, {" 123 ", " 123 "}, {"0b1", "0b1"},
            {"0xFF", "0xFF"}, {"1234A", "1234A"}, {"Infinity", "Infinity"}, {"-Infinity", "-Infinity"},
            {"null", "null"}, {"1.50", "1.50"}, {"12345678901234567890", "12345678901234567890"},
        };
        for (Object[] row : rows) {
            assertThat(Casts.formValue((String) row[0])).as((String) row[0]).isEqualTo(row[1]);
        }
    }

    @Test
    void datesThatCannotBeReadAreEmptyNotErrors() {
        DateField date = new DateField("d1", "when", "date", false, false, false, false, "", "");
        assertThat(date.accept("not a date", null)).isNull();
        assertThat(date.accept(List.of("2024-01-02 03:04:05.000Z"), null)).isNull();
        assertThat(date.accept(5, null)).isNull();
        assertThat(date.toJson(date.accept("2024-01-02 03:04:05.678Z", null))).isEqualTo("2024-01-02 03:04:05.678Z");
    }
}
