package dev.basalt.cluster;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@link ClusterSignals} of a node: transactional signals through PostgreSQL, the frequent ones through Redis
 * when it is configured (else PostgreSQL). A receiver listens on both transports; its calls are serialised, since
 * each transport delivers on a thread of its own.
 */
@Component
class SignalRouter implements ClusterSignals {
    private final PostgresSignals postgres;
    private final RedisSignals redis;

    SignalRouter(PostgresSignals postgres, ObjectProvider<RedisSignals> redis) {
        this.postgres = postgres;
        this.redis = redis.getIfAvailable();
    }

    @Override
    public String nodeId() {
        return postgres.nodeId();
    }

    @Override
    public void send(DSLContext tx, String channel, String payload) {
        postgres.send(tx, channel, payload);
    }

    @Override
    public void sendAfterCommit(DSLContext tx, String channel, List<String> payloads) {
        if (redis == null) {
            postgres.sendAfterCommit(tx, channel, payloads);
        } else {
            redis.publishAfterCommit(channel, payloads);
        }
    }

    @Override
    public void publish(String channel, String payload) {
        if (redis == null) {
            postgres.publish(channel, payload);
        } else {
            redis.publish(channel, payload);
        }
    }

    @Override
    public void subscribe(String channel, Consumer<String> receiver) {
        if (redis == null) {
            postgres.subscribe(channel, receiver);
            return;
        }
        Object lock = new Object();
        Consumer<String> serialised = payload -> {
            synchronized (lock) {
                receiver.accept(payload);
            }
        };
        postgres.subscribe(channel, serialised);
        redis.subscribe(channel, serialised);
    }

    @Override
    public Set<String> liveNodes() {
        return postgres.liveNodes();
    }

    @Override
    public Optional<String> unavailable() {
        return redis == null ? Optional.empty() : redis.unavailable();
    }

    @Override
    public String transport() {
        return redis == null ? "postgres" : "redis";
    }
}
