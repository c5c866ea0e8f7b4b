package org.example.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.basalt.boot.BasaltDefaults;
import dev.basalt.boot.BasaltHooksCustomizer;
import dev.basalt.hooks.Hooks;
import dev.basalt.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Basalt embedded in a host application outside {@code dev.basalt}, as a user's app has it: the auto-configuration
 * brings the whole server into the host's context on the database given by {@code basalt.db.*} properties, the host's
 * {@link BasaltHooksCustomizer} beans run in order before the first request, its beans get Basalt's ones injected,
 * and its own settings win over Basalt's defaults, which fill in the rest.
 */
@Tag("db")
class HostApplicationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The host: its own package, its own beans, nothing Basalt-specific but the customizers. */
    @SpringBootApplication
    static class HostApp {
        final List<String> customized = new CopyOnWriteArrayList<>();

        @Bean
        @Order(2)
        BasaltHooksCustomizer greetingRoute(DSLContext dsl) {
            return hooks -> {
                customized.add("route");
                hooks.routerAdd("GET", "/api/host/hello/{name}", e -> e.json(200, Map.of("hello",
                        e.pathValue("name"), "database", dsl.fetchValue("select current_database()"))));
            };
        }

        @Bean
        @Order(1)
        BasaltHooksCustomizer first() {
            return hooks -> customized.add("first");
        }
    }

    @Test
    void basaltServesInsideTheHostOnTheConfiguredDatabase() throws Exception {
        String url = TestDatabase.createDatabase();
        try (ConfigurableApplicationContext app = new SpringApplication(HostApp.class).run("--server.port=0",
                "--spring.application.name=host-app",
                "--basalt.dir=" + Files.createTempDirectory("basalt-host-test"), "--basalt.db.url=" + url,
                "--basalt.db.user=" + TestDatabase.user(), "--basalt.db.password=" + TestDatabase.password())) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            assertThat(get(base + "/api/health").statusCode()).isEqualTo(200);
            assertThat(get(base + "/api/collections").statusCode()).as("Basalt's API, superusers only").isEqualTo(401);
            HttpResponse<String> hello = get(base + "/api/host/hello/ada");
            assertThat(hello.statusCode()).isEqualTo(200);
            String path = url.replaceFirst("\\?.*", "");
            String database = path.substring(path.lastIndexOf('/') + 1);
            assertThat(hello.body()).contains("\"hello\":\"ada\"").contains("\"database\":\"" + database + "\"");

            assertThat(app.getBean(HostApp.class).customized).containsExactly("first", "route");
            assertThat(app.getBean(Hooks.class).routes()).hasSize(1);
            assertThat(((HikariDataSource) app.getBean(DataSource.class)).getJdbcUrl()).startsWith(path);
            assertThat(app.getEnvironment().getProperty("spring.application.name")).isEqualTo("host-app");
            assertThat(app.getEnvironment().getProperty("spring.flyway.table")).isEqualTo("_migrations");
            assertThat(app.getEnvironment().getPropertySources().contains(BasaltDefaults.SOURCE_NAME)).isTrue();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
