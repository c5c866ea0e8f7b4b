package dev.basalt.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code --indexFallback=false}: a path that matches no file is a 404 in PocketBase's shape, and every attempt
 * to leave the directory is refused outright (400 or 404), not answered with a page.
 */
@Tag("db")
class PublicDirNoFallbackHttpTest {
    private static HostedApp app;

    @BeforeAll
    static void start() throws IOException {
        Path site = PublicDirHttpTest.populate(Files.createTempDirectory("basalt-public-test"));
        app = HostedApp.start("--basalt.public-dir=" + site, "--basalt.index-fallback=false");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void missingFilesAre404() {
        assertThat(app.get("/").body()).isEqualTo(PublicDirHttpTest.INDEX);
        var missing = app.get("/some/client/route");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"status\":404");
    }

    @Test
    void traversalsAreRefused() {
        for (String target : PublicDirHttpTest.traversals()) {
            String answer = app.raw(target);
            assertThat(answer).as(target).doesNotContain(PublicDirHttpTest.SECRET)
                    .containsPattern("^HTTP/1.1 (400|404) ");
        }
    }
}
