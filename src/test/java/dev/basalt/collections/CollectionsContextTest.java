package dev.basalt.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.basalt.database.DatabaseConfiguration;
import dev.basalt.shared.ApiErrorHandler;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.BasaltProperties;
import dev.basalt.shared.Caller;
import dev.basalt.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The collections module wired by Spring Boot (jOOQ with Spring transactions, Flyway) on a real database. */
@org.junit.jupiter.api.Tag("db")
@SpringBootTest(classes = CollectionsContextTest.App.class)
class CollectionsContextTest {
    private static final String URL = TestDatabase.createDatabase();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableConfigurationProperties(BasaltProperties.class)
    @Import({DatabaseConfiguration.class, ApiErrorHandler.class})
    @ComponentScan(basePackageClasses = {CollectionService.class, dev.basalt.query.QueryCompiler.class,
            dev.basalt.cluster.ClusterSignals.class})
    static class App {
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("basalt.db.url", () -> URL);
        registry.add("basalt.db.user", TestDatabase::user);
        registry.add("basalt.db.password", TestDatabase::password);
    }

    @Autowired
    CollectionService service;
    @Autowired
    CollectionRegistry registry;
    @Autowired
    DSLContext dsl;
    @Autowired
    WebApplicationContext context;

    @Test
    void changesCommitOrRollBackAsAWholeUnderSpringTransactions() {
        Collection c = service.create(CollectionDraft.of(Map.of("name", "ctx_posts",
                "fields", List.of(Map.of("name", "t", "type", "text")))));
        assertThat(registry.find("ctx_posts")).contains(c);
        long version = registry.version();
        dsl.insertInto(DSL.table(DSL.name("ctx_posts")), DSL.field(DSL.name("id")), DSL.field(DSL.name("t")))
                .values("a", "same").values("b", "same").execute();

        assertThatThrownBy(() -> service.update("ctx_posts", CollectionDraft.of(Map.of("name", "ctx_renamed",
                "indexes", List.of("CREATE UNIQUE INDEX idx_ctx_t ON ctx_posts (t)")))))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).data()).containsKey("indexes.0"));

        assertThat(dsl.fetchCount(DSL.table(DSL.name("ctx_posts")))).isEqualTo(2);
        assertThat(registry.find("ctx_posts")).contains(c);
        assertThat(registry.version()).isEqualTo(version);
    }

    @Test
    void theControllerIsMapped() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
        mvc.perform(get("/api/collections").requestAttr(Caller.ATTRIBUTE,
                        new Caller("su", "pbc_1", "_superusers", true, Map.of())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.perPage").value(30));
        mvc.perform(get("/api/collections")).andExpect(status().isUnauthorized());
    }
}
