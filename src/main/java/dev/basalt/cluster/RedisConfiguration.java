package dev.basalt.cluster;

import dev.basalt.shared.BasaltProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The Redis beans, made only when {@code BASALT_REDIS_URL} is set ({@link RedisConfigured}). */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfigured.class)
class RedisConfiguration {

    @Bean(destroyMethod = "close")
    RedisLink redisLink(BasaltProperties properties, PostgresSignals postgres) {
        return new RedisLink(properties.redis(), "basalt-node-" + postgres.nodeId());
    }

    @Bean
    RedisSignals redisSignals(RedisLink link) {
        return new RedisSignals(link);
    }

    @Bean
    SharedCounters redisCounters(RedisLink link) {
        return new RedisCounters(link);
    }
}
