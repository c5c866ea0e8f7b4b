package dev.basalt.boot;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when no bean of Basalt's own packages is defined yet: true in a host application (auto-configurations are
 * processed after the application's own configuration, whose packages are not Basalt's), false in
 * {@code basalt serve} and in Basalt's tests, whose configuration classes live under {@code dev.basalt} and choose
 * their own beans. Decided while the configuration is parsed, so it also holds back the component scan (a bean
 * condition is evaluated only after the scan has run), and never again: by then the scan has defined Basalt's beans.
 */
final class OnlyInHostApplication implements ConfigurationCondition {
    private static final String BASALT_PACKAGE = "dev.basalt.";

    @Override
    public ConfigurationPhase getConfigurationPhase() {
        return ConfigurationPhase.PARSE_CONFIGURATION;
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        BeanDefinitionRegistry registry = context.getRegistry();
        for (String name : registry.getBeanDefinitionNames()) {
            BeanDefinition definition = registry.getBeanDefinition(name);
            String type = definition.getBeanClassName();
            if (type != null && type.startsWith(BASALT_PACKAGE)) {
                return false;
            }
        }
        return true;
    }
}
