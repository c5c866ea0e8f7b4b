package dev.basalt.dashboard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard's entry page. Its screens live behind the URL's hash ({@code /_/#/collections},
 * {@code /_/#/auth/confirm-password-reset/TOKEN}), as in PocketBase, so {@code /_/} is the only page the server
 * has to answer; {@code /_} redirects there. The page's import map points at the lit-html webjar by its version,
 * read from the jar itself, so an upgrade of the library needs no edit here.
 */
@Controller
class DashboardController {
    private static final String LIT_HTML_PLACEHOLDER = "{{LIT_HTML}}";
    private static final String LIT_HTML_POM = "META-INF/maven/org.webjars.npm/lit-html/pom.properties";
    private final byte[] index;

    DashboardController() {
        String page = read("dashboard/index.html");
        Properties pom = properties(LIT_HTML_POM);
        this.index = page.replace(LIT_HTML_PLACEHOLDER,
                        DashboardWebConfiguration.BASE + "lib/lit-html/" + pom.getProperty("version"))
                .getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping("/_")
    ResponseEntity<Void> redirect() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(DashboardWebConfiguration.BASE))
                .build();
    }

    @GetMapping(DashboardWebConfiguration.BASE)
    ResponseEntity<byte[]> index() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(index);
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The dashboard's " + path + " is missing from the jar", e);
        }
    }

    private static Properties properties(String path) {
        Properties p = new Properties();
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The dashboard's library " + path + " is missing from the jar", e);
        }
        return p;
    }
}
