package dev.basalt.cluster;

import dev.basalt.shared.BasaltProperties;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections to the optional Redis ({@code BASALT_REDIS_URL}): one for commands (publish, counters) and one
 * subscribed to the cluster's channels. Lettuce reconnects both by itself; while Redis is away, commands fail at once
 * rather than queue ({@link ClientOptions.DisconnectedBehavior#REJECT_COMMANDS}), so no request waits on it.
 * A node whose Redis is unreachable at start waits {@link #START_WAIT}, then stops with a clear message.
 */
final class RedisLink implements AutoCloseable {
    /** The longest one command may take. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /** The longest a connection attempt may take. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Longest pause between reconnection attempts (Lettuce's default, 30 s, would keep a node out for long). */
    static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);
    /** How long a start waits for an unreachable Redis before it gives up. */
    static final Duration START_WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

    private final ClientResources resources;
    private final RedisClient client;
    private final String prefix;
    private final String where;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> subscriber;

    RedisLink(BasaltProperties.Redis redis, String listenerName) {
        RedisURI uri = RedisURI.create(redis.url());
        uri.setTimeout(COMMAND_TIMEOUT);
        this.where = uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
        this.prefix = redis.prefix();
        this.resources = ClientResources.builder().reconnectDelay(Delay.exponential(Duration.ofMillis(50),
                MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS)).build();
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        RedisURI named = RedisURI.create(redis.url());
        named.setTimeout(COMMAND_TIMEOUT);
        named.setClientName(listenerName);
        try {
            this.commands = connect(() -> client.connect(StringCodec.UTF8, uri));
            this.subscriber = connect(() -> client.connectPubSub(StringCodec.UTF8, named));
        } catch (RuntimeException e) {
            client.shutdown();
            resources.shutdown();
            throw e;
        }
        log.info("Cluster messages and rate-limit counters use Redis at {} (prefix '{}')", where, prefix);
    }

    private <C> C connect(java.util.function.Supplier<C> attempt) {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (true) {
            try {
                return attempt.get();
            } catch (RedisException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Cannot reach Redis at " + where + " (BASALT_REDIS_URL) within "
                            + START_WAIT.toSeconds() + " s: " + e.getMessage(), e);
                }
                log.warn("Redis at {} is not reachable yet ({}); retrying", where, e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Redis", interrupted);
                }
            }
        }
    }

    /** The connection for commands (publish, counters). */
    StatefulRedisConnection<String, String> commands() {
        return commands;
    }

    /** The connection subscribed to the cluster's channels. */
    StatefulRedisPubSubConnection<String, String> subscriber() {
        return subscriber;
    }

    /** Put before every key and channel name. */
    String prefix() {
        return prefix;
    }

    /** Host, port and database, for messages (never the password). */
    String where() {
        return where;
    }

    /** True while both connections are open. */
    boolean connected() {
        return commands.isOpen() && subscriber.isOpen();
    }

    @Override
    public void close() {
        subscriber.close();
        commands.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
