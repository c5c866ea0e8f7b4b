package dev.basalt.auth;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the {@link SuperuserIpInterceptor}, the {@link ApiKeyInterceptor} and then the
 * {@link RateLimitInterceptor} for every route (a request with an invalid API key is refused before it is counted).
 */
@Configuration(proxyBeanMethods = false)
class AuthWebConfiguration implements WebMvcConfigurer {
    private final SuperuserIpInterceptor superuserIps;
    private final ApiKeyInterceptor apiKeys;
    private final RateLimitInterceptor rateLimits;

    AuthWebConfiguration(SuperuserIpInterceptor superuserIps, ApiKeyInterceptor apiKeys,
                         RateLimitInterceptor rateLimits) {
        this.superuserIps = superuserIps;
        this.apiKeys = apiKeys;
        this.rateLimits = rateLimits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(superuserIps);
        registry.addInterceptor(apiKeys);
        registry.addInterceptor(rateLimits);
    }
}
