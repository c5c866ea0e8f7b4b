package dev.basalt.collections.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.basalt.shared.ApiErrorHandler;
import dev.basalt.shared.Caller;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

@org.junit.jupiter.api.Tag("db")
class CollectionControllerTest {
    private static final RequestPostProcessor SUPERUSER = request -> {
        request.setAttribute(Caller.ATTRIBUTE, new Caller("su1", "pbc_3142635823", "_superusers", true, Map.of()));
        return request;
    };
    private static final RequestPostProcessor USER = request -> {
        request.setAttribute(Caller.ATTRIBUTE, new Caller("u1", "pbc_1", "users", false, Map.of()));
        return request;
    };
    private static SchemaTestSupport db;
    private static MockMvc mvc;

    @BeforeAll
    static void setUp() {
        db = new SchemaTestSupport();
        mvc = MockMvcBuilders.standaloneSetup(new CollectionController(db.service, db.registry,
                        new dev.basalt.query.QueryCompiler(), new dev.basalt.query.PlanRenderer(), db.dsl,
                        new org.springframework.beans.factory.support.StaticListableBeanFactory()
                                .getBeanProvider(dev.basalt.collections.CollectionRequestInterceptor.class)))
                .setControllerAdvice(new ApiErrorHandler()).build();
    }

    @Test
    void everyEndpointNeedsASuperuser() throws Exception {
        mvc.perform(get("/api/collections")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/collections").with(USER)).andExpect(status().isForbidden());
        mvc.perform(post("/api/collections").with(USER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"nope\"}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/collections/import").contentType(MediaType.APPLICATION_JSON)
                .content("{\"collections\":[]}")).andExpect(status().isUnauthorized());
        assertThat(db.tableExists("nope")).isFalse();
    }

    @Test
    void createViewUpdateDelete() throws Exception {
        mvc.perform(post("/api/collections").with(SUPERUSER).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"articles","type":"base","listRule":"","fields":[
                          {"name":"title","type":"text","required":true,"max":120},
                          {"name":"tags","type":"select","values":["a","b"],"maxSelect":2}],
                         "indexes":["CREATE INDEX `idx_articles_title` ON `articles` (`title`)"]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(org.hamcrest.Matchers.startsWith("pbc_")))
                .andExpect(jsonPath("$.name").value("articles"))
                .andExpect(jsonPath("$.system").value(false))
                .andExpect(jsonPath("$.listRule").value(""))
                .andExpect(jsonPath("$.viewRule").doesNotExist())
                .andExpect(jsonPath("$.fields[0].name").value("id"))
                .andExpect(jsonPath("$.fields[1].required").value(true))
                .andExpect(jsonPath("$.fields[2].maxSelect").value(2))
                .andExpect(jsonPath("$.fields[4].name").value("updated"))
                .andExpect(jsonPath("$.indexes[0]").value("CREATE INDEX `idx_articles_title` ON `articles` (`title`)"))
                .andExpect(jsonPath("$.created").value(org.hamcrest.Matchers.matchesPattern(
                        "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")));

        mvc.perform(get("/api/collections/ARTICLES").with(SUPERUSER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("articles"));
        mvc.perform(patch("/api/collections/articles").with(SUPERUSER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"viewRule\":\"@request.auth.id != ''\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.viewRule").value("@request.auth.id != ''"))
                .andExpect(jsonPath("$.listRule").value(""));
        db.insert("articles", Map.of("id", "a1", "title", "x"));
        mvc.perform(delete("/api/collections/articles").with(SUPERUSER)).andExpect(status().isNoContent());
        assertThat(db.tableExists("articles")).isFalse();
        mvc.perform(get("/api/collections/articles").with(SUPERUSER)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("The requested resource wasn't found."));
    }

    @Test
    void errorsUsePocketBaseShape() throws Exception {
        mvc.perform(post("/api/collections").with(SUPERUSER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"bad-name\",\"fields\":[{\"name\":\"expand\",\"type\":\"text\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Failed to create collection."))
                .andExpect(jsonPath("$.data.name.code").value("validation_match_invalid"))
                .andExpect(jsonPath("$.data['fields.0.name'].code").value("validation_reserved_field_name"));
        mvc.perform(post("/api/collections").with(SUPERUSER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
        mvc.perform(patch("/api/collections/missing").with(SUPERUSER).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isNotFound());
        mvc.perform(put("/api/collections/import").with(SUPERUSER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"collections\":\"nope\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.data.collections.code").value("validation_required"));
    }

    @Test
    void importAndPaginatedList() throws Exception {
        mvc.perform(put("/api/collections/import").with(SUPERUSER).contentType(MediaType.APPLICATION_JSON).content("""
                        {"collections":[{"name":"list_a"},{"name":"list_b"},{"name":"list_c"}],
                         "deleteMissing":false}"""))
                .andExpect(status().isNoContent());
        int total = db.registry.all().size();
        assertThat(total).isGreaterThanOrEqualTo(3);

        mvc.perform(get("/api/collections").with(SUPERUSER).param("perPage", "2").param("page", "2")
                        .param("filter", "name != 'no_such_collection'").param("sort", "-created"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.perPage").value(2))
                .andExpect(jsonPath("$.totalItems").value(total))
                .andExpect(jsonPath("$.totalPages").value((total + 1) / 2))
                .andExpect(jsonPath("$.items.length()").value(Math.min(2, total - 2)));
        mvc.perform(get("/api/collections").with(SUPERUSER).param("perPage", "5000").param("skipTotal", "true"))
                .andExpect(jsonPath("$.perPage").value(dev.basalt.query.QueryLimits.MAX_PER_PAGE))
                .andExpect(jsonPath("$.totalItems").value(-1))
                .andExpect(jsonPath("$.items.length()").value(total));
        mvc.perform(get("/api/collections").with(SUPERUSER).param("filter", "name ~ 'list_'").param("sort", "-name"))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.items[0].name").value("list_c"));
        mvc.perform(get("/api/collections").with(SUPERUSER))
                .andExpect(jsonPath("$.perPage").value(dev.basalt.query.QueryLimits.DEFAULT_PER_PAGE))
                .andExpect(jsonPath("$.page").value(1));
    }
}
