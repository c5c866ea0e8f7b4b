package dev.basalt.collections.internal;

import static dev.basalt.collections.internal.SchemaTestSupport.badRequest;
import static dev.basalt.collections.internal.SchemaTestSupport.draft;
import static dev.basalt.collections.internal.SchemaTestSupport.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basalt.collections.Collection;
import dev.basalt.shared.ApiException;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Indexes built from definitions, and changes that fail while building them. */
@org.junit.jupiter.api.Tag("db")
class CollectionIndexesTest {
    private static SchemaTestSupport db;

    @BeforeAll
    static void setUp() {
        db = new SchemaTestSupport();
    }

    @Test
    void aUniqueIndexOnDuplicateDataIsRefusedAndNothingChanges() {
        Collection c = db.service.create(draft("name", "dups", "fields", List.of(field("name", "t", "type", "text"))));
        db.insert("dups", Map.of("id", "r1", "t", "same"));
        db.insert("dups", Map.of("id", "r2", "t", "same"));
        Map<String, String> columnsBefore = db.columns("dups");
        Map<String, String> indexesBefore = db.indexes("dups");

        ApiException e = badRequest(() -> db.service.update("dups", draft(
                "name", "dups_renamed",
                "fields", List.of(field("name", "t", "type", "text"), field("name", "extra", "type", "bool")),
                "indexes", List.of("CREATE UNIQUE INDEX idx_dups_t ON dups (t)"))));

        assertThat(e.getMessage()).isEqualTo("Failed to update collection.");
        assertThat(e.data()).containsOnlyKeys("indexes.0");
        assertThat(e.data().get("indexes.0").code()).isEqualTo("validation_not_unique");
        assertThat(e.data().get("indexes.0").message()).contains("idx_dups_t").doesNotContain("ERROR");
        assertThat(db.tableExists("dups_renamed")).isFalse();
        assertThat(db.columns("dups")).isEqualTo(columnsBefore);
        assertThat(db.indexes("dups")).isEqualTo(indexesBefore);
        assertThat(db.column("dups", "t")).containsExactly("same", "same");
        assertThat(db.registry.find("dups")).contains(c);
        assertThat(db.service.update("dups", draft("listRule", "")).name()).isEqualTo("dups");
    }

    @Test
    void indexesAreCheckedAgainstFieldsAndNames() {
        db.service.create(draft("name", "idx_owner", "fields", List.of(field("name", "t", "type", "text")),
                "indexes", List.of("CREATE INDEX idx_taken ON idx_owner (t)")));

        ApiException e = badRequest(() -> db.service.create(draft("name", "idx_user", "fields", List.of(
                field("name", "t", "type", "text"), field("name", "n", "type", "number")), "indexes", List.of(
                "CREATE INDEX idx_a ON idx_user (missing)",
                "CREATE INDEX idx_taken ON idx_user (t)",
                "CREATE INDEX idx_b ON idx_user (lower(t))",
                "DROP TABLE idx_owner",
                "CREATE INDEX idx_c ON idx_user (n) WHERE n != 'text'",
                "CREATE INDEX idx_d ON idx_user (n DESC)",
                "CREATE INDEX IDX_D ON idx_user (n)"))));

        assertThat(e.data()).containsOnlyKeys("indexes.0", "indexes.1", "indexes.2", "indexes.3", "indexes.4",
                "indexes.6");
        assertThat(e.data().get("indexes.0").message()).contains("idx_a").contains("missing");
        assertThat(e.data().get("indexes.1").code()).isEqualTo("validation_existing_index_name");
        assertThat(e.data().get("indexes.6").code()).isEqualTo("validation_duplicated_index_name");
        assertThat(db.tableExists("idx_user")).isFalse();
        assertThat(db.tableExists("idx_owner")).isTrue();
    }

    @Test
    void partialAndNocaseIndexesAreBuilt() {
        db.service.create(draft("name", "people", "fields", List.of(
                field("name", "email", "type", "email"), field("name", "age", "type", "number"),
                field("name", "active", "type", "bool")), "indexes", List.of(
                "CREATE UNIQUE INDEX `idx_people_email` ON `people` (`email` COLLATE NOCASE) WHERE `email` != ''",
                "CREATE INDEX idx_people_age ON people (age DESC, email) WHERE age >= 18 AND active = TRUE")));
        Map<String, String> idx = db.indexes("people");
        assertThat(idx.get("idx_people_email")).contains("UNIQUE").contains("lower(email)").contains("<> ''");
        assertThat(idx.get("idx_people_age")).contains("age DESC").contains(">= (18)::double precision").contains("active = true");
        db.insert("people", Map.of("id", "p1", "email", "A@x.io"));
        db.insert("people", Map.of("id", "p2", "email", ""));
        db.insert("people", Map.of("id", "p3", "email", ""));
        assertThatThrownBy(() -> db.insert("people", Map.of("id", "p4", "email", "a@X.io")))
                .hasMessageContaining("idx_people_email");
    }

    @Test
    void anIndexServesTheRecordSortInBothDirections() {
        db.service.create(draft("name", "sorted_posts", "fields", List.of(field("name", "created", "type", "date")),
                "indexes", List.of("CREATE INDEX idx_sorted_created ON sorted_posts (created)")));
        assertThat(db.indexes("sorted_posts").get("idx_sorted_created")).contains("(created NULLS FIRST)");
        // the records API sorts NULL lowest: DESC NULLS LAST / ASC NULLS FIRST (see ConditionRenderer)
        for (var sort : List.of(DSL.field(DSL.name("created")).desc().nullsLast(),
                DSL.field(DSL.name("created")).asc().nullsFirst())) {
            String plan = db.dsl.transactionResult(tx -> {
                tx.dsl().execute("SET LOCAL enable_seqscan = off");
                tx.dsl().execute("SET LOCAL enable_sort = off");
                return tx.dsl().explain(tx.dsl().selectFrom(DSL.table(DSL.name("sorted_posts"))).orderBy(sort)
                        .limit(20)).plan();
            });
            assertThat(plan).contains("idx_sorted_created").doesNotContain("Sort");
        }
    }
}
