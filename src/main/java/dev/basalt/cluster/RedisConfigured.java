package dev.basalt.cluster;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code BASALT_REDIS_URL} ({@code basalt.redis.url}) is set and not blank. */
class RedisConfigured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !context.getEnvironment().getProperty("basalt.redis.url", "").isBlank();
    }
}
