package dev.basalt.apidocs.internal;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Serves the pages' scripts from the jar: Swagger UI and ReDoc from their webjars under
 * {@code /api/docs/assets/<webjar>/<file>} (the version is found by the webjars locator), and Basalt's start-up
 * scripts under {@code /api/docs/static/}. No CDN is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class DocsAssets implements WebMvcConfigurer {
    private static final Duration MAX_AGE = Duration.ofHours(1);

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/api/docs/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(MAX_AGE))
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
        registry.addResourceHandler("/api/docs/static/**")
                .addResourceLocations("classpath:/apidocs/")
                .setCacheControl(CacheControl.noCache());
    }
}
