package dev.basalt.apidocs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Swagger UI at /api/docs and ReDoc at /api/redoc: each page and every script and style it names load from Basalt. */
class DocsPagesHttpTest extends ApiTest {
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Test
    void swaggerUiLoadsItsAssetsFromTheJar() {
        List<String> assets = assets("/api/docs");
        assertThat(assets).contains("/api/docs/assets/swagger-ui/swagger-ui-bundle.js",
                "/api/docs/assets/swagger-ui/swagger-ui.css", "/api/docs/static/swagger-init.js");
        assertThat(get("/api/docs/static/swagger-init.js", null).body())
                .contains("url: 'docs/openapi.json'", "persistAuthorization: true", "requestInterceptor");
    }

    @Test
    void redocLoadsItsAssetsFromTheJar() {
        List<String> assets = assets("/api/redoc");
        assertThat(assets).contains("/api/docs/assets/redoc/redoc.standalone.js", "/api/docs/static/redoc-init.js");
        assertThat(get("/api/docs/static/redoc-init.js", null).body()).contains("fetch('docs/openapi.json'");
    }

    @Test
    void anUnknownAssetIsA404() {
        assertThat(get("/api/docs/assets/swagger-ui/nope.js", null).status()).isEqualTo(404);
        assertThat(get("/api/docs/assets/../../application.properties", null).status()).isIn(400, 404);
    }

    /** The page's scripts and styles, resolved as a browser would; each must answer 200 with content. */
    private List<String> assets(String page) {
        Response html = get(page, null);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).doesNotContain("https://", "http://");
        List<String> found = new ArrayList<>();
        Matcher m = ASSET.matcher(html.body());
        while (m.find()) {
            String path = URI.create(baseUrl() + page).resolve(m.group(1)).getPath();
            Response asset = get(path, null);
            assertThat(asset.status()).as(path).isEqualTo(200);
            assertThat(asset.body()).as(path).isNotBlank();
            found.add(path);
        }
        return found;
    }
}
