package dev.basalt.dashboard.internal;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the dashboard's files from the jar: the app under {@code /_/} (revalidated on every load, so an upgrade
 * shows at once) and the webjars under {@code /_/lib/} (their paths carry the version, so they are cached long).
 * Only these two paths get a resource handler; the rest of the server keeps answering unknown paths with a JSON 404.
 */
@Configuration(proxyBeanMethods = false)
class DashboardWebConfiguration implements WebMvcConfigurer {
    /** Prefix of every dashboard URL, as PocketBase's. */
    static final String BASE = "/_/";
    private static final Duration LIBRARY_CACHE = Duration.ofDays(365);

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(BASE + "lib/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(LIBRARY_CACHE).cachePublic().immutable());
        registry.addResourceHandler(BASE + "**")
                .addResourceLocations("classpath:/dashboard/")
                .setCacheControl(CacheControl.noCache());
    }
}
