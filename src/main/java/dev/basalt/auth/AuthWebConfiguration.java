package dev.basalt.auth;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the {@link ApiKeyInterceptor} and then the {@link RateLimitInterceptor} for every route (a request with
 * an invalid API key is refused before it is counted).
 */
@Configuration(proxyBeanMethods = false)
class AuthWebConfiguration implements WebMvcConfigurer {
    private final ApiKeyInterceptor apiKeys;
    private final RateLimitInterceptor rateLimits;

    AuthWebConfiguration(ApiKeyInterceptor apiKeys, RateLimitInterceptor rateLimits) {
        this.apiKeys = apiKeys;
        this.rateLimits = rateLimits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(apiKeys);
        registry.addInterceptor(rateLimits);
    }
}
