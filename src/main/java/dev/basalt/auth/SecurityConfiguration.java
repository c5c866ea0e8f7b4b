package dev.basalt.auth;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Spring Security runs stateless with no login forms, sessions or CSRF tokens (the API uses bearer tokens);
 * access decisions are made per collection by the access rules. CORS allows the origins of {@code basalt.origins}
 * ({@code serve --origins}, a comma list), by default any, as PocketBase does. Every response carries
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: SAMEORIGIN} (as PocketBase) and
 * {@code Referrer-Policy: strict-origin-when-cross-origin}; the files API adds its own stricter headers.
 * The chain keeps only what the API uses (CORS and the security response headers): filters for sessions,
 * anonymous principals, servlet API wrappers and URL authorization would run on every request and decide
 * nothing here (every route is open to the access rules), so they are left out.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    /**
     * No observation wrapper around each security filter: the HTTP server metrics already time the request, and
     * the wrapper cost about 2% of a simple GET's CPU even with its observations disabled.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, @Value("${basalt.origins:*}") List<String> origins)
            throws Exception {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(origins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("*"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return http
                .headers(h -> h
                        .contentTypeOptions(Customizer.withDefaults())
                        .frameOptions(f -> f.sameOrigin())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .csrf(c -> c.disable())
                .cors(c -> c.configurationSource(source))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.disable())
                .securityContext(s -> s.disable())
                .anonymous(a -> a.disable())
                .servletApi(s -> s.disable())
                .exceptionHandling(e -> e.disable())
                .build();
    }
}
