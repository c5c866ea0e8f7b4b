package dev.basalt.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds Basalt's defaults ({@value #RESOURCE}: the database dialect, Flyway's table, the actuator paths, the logging
 * levels, ...) as the property source of lowest precedence. Not an {@code application.properties}: in a library
 * jar that file would be hidden by the host application's own one (the class path has only one of each name), or
 * hide it. Anything the application, its {@code application.properties}, the environment or the command line sets
 * wins. Registered in {@code META-INF/spring.factories}, so it applies to {@code basalt serve}, the tests and an
 * embedding application alike.
 */
public final class BasaltDefaults implements EnvironmentPostProcessor, Ordered {
    /** The class-path resource with the defaults. */
    public static final String RESOURCE = "basalt-defaults.properties";
    /** The name of the property source, to find it in the environment. */
    public static final String SOURCE_NAME = "basaltDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource(SOURCE_NAME,
                    new ClassPathResource(RESOURCE, BasaltDefaults.class.getClassLoader())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from Basalt's jar", e);
        }
    }

    /** After the config-data processor, so application.properties files are already in place. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
