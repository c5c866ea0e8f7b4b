package dev.basalt.boot;

import dev.basalt.BasaltApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.FilterType;

/**
 * Basalt inside a host application: a Spring Boot app that has Basalt's jar on its class path gets the whole server
 * (its database, the REST API, the dashboard, realtime, crons, webhooks) in its own context, with every Basalt bean
 * (the {@code DSLContext}, the record services) injectable into its own ones. Listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 *
 * <p>It scans {@code dev.basalt} as {@link BasaltApplication} does. It stays out of Basalt's own applications
 * ({@code basalt serve}, the tests), which configure themselves ({@link OnlyInHostApplication}).
 */
@AutoConfiguration
@Conditional(OnlyInHostApplication.class)
@ComponentScan(basePackageClasses = BasaltApplication.class, excludeFilters = {
        @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BasaltApplication.class),
        @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
@ConfigurationPropertiesScan(basePackageClasses = BasaltApplication.class)
public class BasaltAutoConfiguration {
}
