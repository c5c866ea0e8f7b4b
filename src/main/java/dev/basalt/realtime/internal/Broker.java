package dev.basalt.realtime.internal;

import dev.basalt.realtime.ChangeAudience;
import dev.basalt.realtime.ChangeEvent;
import dev.basalt.realtime.SessionCheck;
import dev.basalt.realtime.SubscriptionView;
import dev.basalt.realtime.internal.TopicIndex.Entry;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The clients of this node, an index of their subscriptions by topic, and the fan-out of a change to the matching
 * subscriptions through the {@link ChangeAudience}. Stops before the web server so open streams end at shutdown.
 */
@Component
public class Broker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Broker.class);
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_LENGTH = 40;
    /** A stream without events for this long is closed (PocketBase: 5 minutes); the SDK reconnects. */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);
    /** Interval of keep-alive comments, which keep proxies from closing quiet streams. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

    /** {@code pg_current_snapshot()} as text, rendered by jOOQ once. */
    private static final String CURRENT_SNAPSHOT = DSL.using(SQLDialect.POSTGRES).render(DSL.select(
            DSL.function(DSL.name("pg_current_snapshot"), Object.class).cast(String.class)));

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final TopicIndex index = new TopicIndex();
    private final StartSnapshots snapshots;
    private final ObjectProvider<ChangeAudience> audience;
    private final ObjectProvider<SessionCheck> sessions;
    private final RealtimeMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean running;
    private volatile ScheduledExecutorService keeper;

    Broker(ObjectProvider<ChangeAudience> audience, ObjectProvider<SessionCheck> sessions, MeterRegistry registry,
           DSLContext dsl) {
        this.audience = audience;
        this.sessions = sessions;
        this.snapshots = new StartSnapshots(
                () -> Snapshot.parse(dsl.resultQuery(CURRENT_SNAPSHOT).fetchSingle(0, String.class)));
        this.metrics = new RealtimeMetrics(registry, clients::size, index::size);
    }

    /** A new client with a fresh random id. */
    Client register() {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        Client client = new Client(id.toString());
        clients.put(client.id(), client);
        if (!running) {
            client.close();
        }
        return client;
    }

    /** Removes a client and its subscriptions (its stream ended). */
    void unregister(Client client) {
        client.close();
        if (clients.remove(client.id(), client)) {
            unindex(client);
        }
    }

    Optional<Client> find(String id) {
        return Optional.ofNullable(clients.get(id));
    }

    /**
     * Replaces a client's auth and subscriptions. New subscriptions are indexed first and then start at a database
     * snapshot taken here, before the request is answered: they receive exactly the changes committed after it
     * (see {@link SubscriptionStart}). Subscriptions the client keeps (same name) keep their start and are never
     * out of the index meanwhile, so re-posting the list (as the SDKs do) loses nothing.
     */
    void subscribe(Client client, Client.Session session, List<String> names) {
        SubscriptionStart start = new SubscriptionStart();
        boolean added = false;
        synchronized (client) {
            client.session(session);
            Map<String, Entry> before = client.subscriptions();
            Map<String, Entry> after = new LinkedHashMap<>();
            for (String name : names) {
                if (!name.isEmpty() && !after.containsKey(name)) {
                    Entry kept = before.get(name);
                    after.put(name, kept != null ? kept : new Entry(client, Subscription.parse(name), start));
                }
            }
            for (Entry e : before.values()) {
                if (after.get(e.subscription().name()) != e) {
                    index.remove(e);
                }
            }
            client.subscriptions(after);
            if (clients.get(client.id()) != client) {
                unindex(client); // disconnected meanwhile
                return;
            }
            for (Entry e : after.values()) {
                if (e.start() == start) {
                    added = true;
                    index.add(e);
                }
            }
        }
        if (added) {
            settle(client, start);
        }
    }

    /**
     * Waits for a snapshot taken after the new subscriptions entered the index (shared with the subscribes of the
     * same moment, {@link StartSnapshots}) and starts them there.
     */
    private void settle(Client client, SubscriptionStart start) {
        Snapshot snapshot;
        try {
            snapshot = snapshots.await();
        } catch (RuntimeException e) {
            start.abandon();
            unindex(client); // where they would start is unknown: the request fails and the client retries
            throw e;
        }
        if (!start.settle(snapshot)) {
            disconnectSlow(client);
        }
    }

    private void unindex(Client client) {
        synchronized (client) {
            client.subscriptions().values().forEach(index::remove);
            client.subscriptions(Map.of());
        }
    }

    /**
     * Delivers one committed change of transaction {@code xid} to the subscriptions of this node that may receive
     * it and started before it committed.
     */
    void dispatch(ChangeEvent change, long xid, long publishedMillis) {
        refreshSessions(change);
        List<Entry> matched = index.matching(change);
        if (matched.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Entry> live = new ArrayList<>(matched.size());
        List<SubscriptionView> views = new ArrayList<>(matched.size());
        for (Entry e : matched) {
            Client.Session session = e.client().session();
            if (session.expired(now)) {
                unregister(e.client()); // the token expired: the client stops receiving
                continue;
            }
            if (e.client().isClosed()) {
                continue;
            }
            Subscription s = e.subscription();
            live.add(e);
            views.add(new SubscriptionView(s.name(), s.wholeCollection(), s.query(), s.headers(), session.caller()));
        }
        ChangeAudience decider = audience.getIfAvailable();
        if (decider == null || live.isEmpty()) {
            return;
        }
        List<String> messages = decider.messages(change, views);
        for (int i = 0; i < live.size(); i++) {
            String data = messages.get(i);
            if (data == null) {
                continue;
            }
            Entry e = live.get(i);
            e.start().deliver(xid, () -> send(e, data));
        }
        metrics.fanOut(publishedMillis);
    }

    /** Queues one event for a client, which is disconnected when it fell too far behind. */
    private void send(Entry e, String data) {
        Client client = e.client();
        if (client.offer(SseFrames.event(client.id(), e.subscription().name(), data), true)) {
            metrics.sent(1);
        } else {
            metrics.dropped(1);
            disconnectSlow(client);
        }
    }

    private void disconnectSlow(Client client) {
        if (clients.containsKey(client.id())) {
            metrics.slowClient();
            log.info("Realtime client {} fell {} events behind; disconnected", client.id(), Client.MAX_PENDING_FRAMES);
            unregister(client);
        }
    }

    /** Counts events lost before reaching any client (e.g. the fan-out queue was full). */
    void lost(int events) {
        metrics.dropped(events);
    }

    /** Clients signed in as the changed record re-check their token: revoked (or deleted) ones are closed. */
    private void refreshSessions(ChangeEvent change) {
        SessionCheck check = sessions.getIfAvailable();
        for (Client client : clients.values()) {
            Client.Session s = client.session();
            if (s.caller().anonymous() || !s.caller().id().equals(change.recordId())
                    || !s.caller().collectionId().equals(change.collectionId())) {
                continue;
            }
            var caller = change.action().equals(ChangeEvent.DELETE) || check == null
                    ? Optional.<dev.basalt.shared.Caller>empty() : check.reauthenticate(s.token());
            if (caller.isEmpty()) {
                unregister(client);
            } else {
                client.session(new Client.Session(caller.get(), s.token(), s.expiresAt()));
            }
        }
    }

    int clientCount() {
        return clients.size();
    }

    @Override
    public void start() {
        running = true;
        keeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("basalt-realtime-keepalive").factory());
        keeper.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Sends keep-alive comments and closes streams idle for longer than {@link #IDLE_TIMEOUT}. */
    void keepAlive() {
        long now = System.nanoTime();
        for (Client client : clients.values()) {
            if (now - client.lastEventNanos() >= IDLE_TIMEOUT.toNanos()) {
                unregister(client);
            } else {
                client.offer(SseFrames.KEEP_ALIVE, false);
            }
        }
    }

    /** Closes every stream, so the web server's graceful shutdown does not wait for them. */
    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService k = keeper;
        if (k != null) {
            k.shutdownNow();
        }
        clients.values().forEach(this::unregister);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE; // stops first, before the web server drains requests
    }
}
