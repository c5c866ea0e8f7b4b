package dev.basalt.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndexDefinitionTest {

    @Test
    void parsesPocketBaseStyleDefinitions() {
        IndexDefinition i = IndexDefinition.parse("CREATE UNIQUE INDEX `idx_title` ON `posts` (`title`)");
        assertThat(i.unique()).isTrue();
        assertThat(i.name()).isEqualTo("idx_title");
        assertThat(i.table()).isEqualTo("posts");
        assertThat(i.columns()).containsExactly(new IndexDefinition.Column("title", false, false));
        assertThat(i.where()).isEmpty();
        assertThat(i.toSql()).isEqualTo("CREATE UNIQUE INDEX `idx_title` ON `posts` (`title`)");
    }

    @Test
    void acceptsTheEmptyTableNameOfPocketBasesScaffolds() {
        IndexDefinition i = IndexDefinition.parse(
                "CREATE UNIQUE INDEX `idx_email_abc` ON `` (`email`) WHERE `email` != ''");
        assertThat(i.table()).isEmpty();
        assertThat(i.withTable("users").toSql()).contains("users");
        assertThatThrownBy(() -> IndexDefinition.parse("CREATE INDEX `idx_x` ON `` ``.`` (`email`)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndexDefinition.parse("CREATE INDEX `` ON `t` (`email`)"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesBareAndQuotedIdentifiersSortCollateAndWhere() {
        IndexDefinition i = IndexDefinition.parse(
                "create index if not exists main.idx_x on \"posts\" ([a] desc, b ASC, `c` COLLATE NOCASE)"
                        + " WHERE `email` != '' AND n >= -1.5 and flag == true AND d IS NOT NULL AND s <> 'it''s';");
        assertThat(i.unique()).isFalse();
        assertThat(i.name()).isEqualTo("idx_x");
        assertThat(i.columns()).containsExactly(new IndexDefinition.Column("a", false, true),
                new IndexDefinition.Column("b", false, false), new IndexDefinition.Column("c", true, false));
        assertThat(i.where()).containsExactly(
                new IndexDefinition.Condition("email", "!=", ""),
                new IndexDefinition.Condition("n", ">=", new BigDecimal("-1.5")),
                new IndexDefinition.Condition("flag", "=", Boolean.TRUE),
                new IndexDefinition.Condition("d", "IS NOT", null),
                new IndexDefinition.Condition("s", "!=", "it's"));
        assertThat(i.withTable("other").toSql()).isEqualTo("CREATE INDEX `idx_x` ON `other` (`a` DESC, `b`, "
                + "`c` COLLATE NOCASE) WHERE `email` != '' AND `n` >= -1.5 AND `flag` = TRUE AND `d` IS NOT NULL "
                + "AND `s` != 'it''s'");
    }

    @Test
    void normalizedTextParsesBackToTheSameDefinition() {
        IndexDefinition i = IndexDefinition.parse(
                "CREATE UNIQUE INDEX \"we`ird\" ON t (x COLLATE NOCASE DESC) WHERE x = 'a' AND y IS NULL");
        assertThat(IndexDefinition.parse(i.toSql())).isEqualTo(i);
    }

    @Test
    void shapeIgnoresNameAndTable() {
        assertThat(IndexDefinition.parse("CREATE INDEX a ON t (x)").shape())
                .isEqualTo(IndexDefinition.parse("CREATE INDEX `b` ON `u` (`x` ASC)").shape());
        assertThat(IndexDefinition.parse("CREATE UNIQUE INDEX a ON t (email) WHERE email != ''")
                .isSingleColumnUnique("EMAIL")).isTrue();
        assertThat(IndexDefinition.parse("CREATE INDEX a ON t (email)").isSingleColumnUnique("email")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "DROP TABLE posts",
        "CREATE INDEX idx ON posts",
        "CREATE INDEX idx ON posts ()",
        "CREATE INDEX idx ON posts (lower(title))",
        "CREATE INDEX idx ON posts (title COLLATE RTRIM)",
        "CREATE INDEX idx ON posts (title) WHERE title LIKE 'a%'",
        "CREATE INDEX idx ON posts (title) WHERE title = other",
        "CREATE INDEX idx ON posts (title) WHERE title = 'a' OR title = 'b'",
        "CREATE INDEX idx ON posts (title); DROP TABLE posts",
        "CREATE INDEX idx ON posts (title) WHERE title = 'unclosed",
        "CREATE INDEX idx ON posts (title) USING gin",
        "CREATE INDEX idx ON posts (title) WHERE (title = 'a')",
    })
    void refusesUnsupportedSyntax(String sql) {
        assertThatThrownBy(() -> IndexDefinition.parse(sql)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void refusesOverlongText() {
        String sql = "CREATE INDEX idx ON t (" + String.join(", ", java.util.Collections.nCopies(1000, "col")) + ")";
        assertThatThrownBy(() -> IndexDefinition.parse(sql)).hasMessageContaining("too long");
        assertThat(List.of(IndexDefinition.parse("CREATE INDEX i ON t (c)"))).hasSize(1);
    }
}
