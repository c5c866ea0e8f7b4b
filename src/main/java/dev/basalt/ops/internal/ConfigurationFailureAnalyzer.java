package dev.basalt.ops.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns an invalid {@code basalt.*} setting into one clear line per problem, named by its environment
 * variable, e.g. {@code Invalid configuration: BASALT_DB_URL must be a jdbc:postgresql: URL}. It runs before
 * Spring Boot's own analyzers (registered in {@code META-INF/spring.factories}). Values of settings that may
 * hold secrets (URLs, passwords) are never repeated.
 */
public final class ConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {
    private static final String PREFIX = "basalt.";
    private static final List<String> SECRET_HINTS = List.of("url", "password", "secret", "token", "key");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        BindValidationException invalid = findCause(failure, BindValidationException.class);
        if (invalid != null) {
            return validationFailure(invalid);
        }
        BindException unbindable = findCause(failure, BindException.class);
        if (unbindable != null && unbindable.getName().toString().startsWith(PREFIX)) {
            return conversionFailure(unbindable);
        }
        return null;
    }

    private FailureAnalysis validationFailure(BindValidationException exception) {
        List<String> problems = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        for (ObjectError error : exception.getValidationErrors()) {
            if (!(error instanceof FieldError field)) {
                problems.add("Invalid configuration: " + error.getDefaultMessage());
                continue;
            }
            String property = field.getObjectName() + "." + dashed(field.getField());
            if (!property.startsWith(PREFIX)) {
                return null;
            }
            String variable = variableName(property, origin(exception, property));
            variables.add(variable);
            problems.add("Invalid configuration: " + variable + " " + field.getDefaultMessage()
                    + shownValue(property, field.getRejectedValue()) + ".");
        }
        if (problems.isEmpty()) {
            return null;
        }
        return analysis(problems, variables, exception);
    }

    private FailureAnalysis conversionFailure(BindException exception) {
        String property = exception.getName().toString();
        ConfigurationProperty bound = exception.getProperty();
        String variable = variableName(property, exception.getOrigin());
        Object value = bound == null ? null : bound.getValue();
        String reason = exception.getCause() == null ? "is invalid" : "has a value of the wrong type";
        return analysis(List.of("Invalid configuration: " + variable + " " + reason + shownValue(property, value) + "."),
                List.of(variable), exception);
    }

    private static FailureAnalysis analysis(List<String> problems, List<String> variables, Throwable cause) {
        String action = "Fix " + String.join(", ", variables) + " and start Basalt again. Settings: BASALT_DB_URL "
                + "(empty or a jdbc:postgresql: URL), BASALT_DB_USER, BASALT_DB_PASSWORD, BASALT_DB_MAX_POOL_SIZE "
                + "(1-500), BASALT_LOG_FORMAT (text or json).";
        return new FailureAnalysis(String.join(System.lineSeparator(), problems), action, cause);
    }

    /** Where the bound value of this property came from, if known. */
    private static Origin origin(BindValidationException exception, String property) {
        for (ConfigurationProperty bound : exception.getValidationErrors().getBoundProperties()) {
            if (bound.getName().toString().equals(property)) {
                return bound.getOrigin();
            }
        }
        return null;
    }

    /** {@code maxPoolSize} as {@code max-pool-size}. */
    static String dashed(String javaName) {
        StringBuilder out = new StringBuilder();
        for (char c : javaName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The environment variable for a property ({@code basalt.db.url} is {@code BASALT_DB_URL}). */
    static String variableName(String property, Origin origin) {
        Origin source = origin instanceof PropertySourceOrigin wrapper && wrapper.getOrigin() != null
                ? wrapper.getOrigin() : origin;
        if (source instanceof SystemEnvironmentOrigin env) {
            return env.getProperty();
        }
        String variable = property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
        return origin == null ? variable : variable + " (" + property + ")";
    }

    private static String shownValue(String property, Object value) {
        String lower = property.toLowerCase(Locale.ROOT);
        if (value == null || SECRET_HINTS.stream().anyMatch(lower::contains)) {
            return "";
        }
        return " (got \"" + value + "\")";
    }

    private static <E extends Throwable> E findCause(Throwable failure, Class<E> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
