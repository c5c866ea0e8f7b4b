package dev.basalt;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring Boot application: every feature module under {@code dev.basalt} is a component of it. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BasaltApplication {
}
