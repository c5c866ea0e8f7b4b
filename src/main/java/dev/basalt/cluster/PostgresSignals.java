package dev.basalt.cluster;

import dev.basalt.database.DatabaseServer;
import dev.basalt.database.DatabaseTimeouts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Cluster signals over PostgreSQL {@code LISTEN/NOTIFY}: one dedicated connection (outside the pool) listens on
 * every subscribed channel. After every (re)connection subscribers are told to resynchronise once, since signals
 * sent while no LISTEN was active are lost. Its listening connections also tell which nodes are live.
 */
@Component
class PostgresSignals implements SmartLifecycle {
    /** How long one wait for notifications blocks before checking for shutdown. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    /** Longest pause between reconnection attempts. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** Prefix of the listening connection's {@code application_name}; the node's id follows. */
    static final String LISTENER_NAME = "basalt-cluster-listener ";
    private static final Pattern CHANNEL = Pattern.compile("^[a-z_]{1,63}$");
    /** {@code pg_notify(channel, payload)}, rendered by jOOQ once (it runs with every write); both values bound. */
    private static final String NOTIFY = DSL.using(SQLDialect.POSTGRES).render(DSL.select(DSL.function(
            DSL.name("pg_notify"), Object.class, DSL.param("channel", String.class), DSL.param("payload", String.class))));
    private static final Logger log = LoggerFactory.getLogger(PostgresSignals.class);

    /** Longest wait at shutdown for queued after-commit signals to be sent. */
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);
    private static final Field<String> APPLICATION = DSL.field(DSL.name("application_name"), String.class);
    private static final Field<String> DATABASE = DSL.field(DSL.name("datname"), String.class);
    private final DatabaseServer database;
    private final DSLContext dsl;
    private final AfterCommitSender afterCommit;
    private final String nodeId = UUID.randomUUID().toString();
    private final Map<String, List<Consumer<String>>> receivers = new ConcurrentHashMap<>();
    private final Set<String> listening = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile Thread listener;

    PostgresSignals(DatabaseServer database, DSLContext dsl) {
        this.database = database;
        this.dsl = dsl;
        this.afterCommit = new AfterCommitSender(AfterCommitSender.pgNotify(dsl, NOTIFY));
    }

    String nodeId() {
        return nodeId;
    }

    void send(DSLContext tx, String channel, String payload) {
        tx.query(NOTIFY, checked(channel), payload).execute();
    }

    void sendAfterCommit(DSLContext tx, String channel, List<String> payloads) {
        String checked = checked(channel);
        List<AfterCommitSender.Signal> signals = payloads.stream()
                .map(p -> new AfterCommitSender.Signal(checked, p)).toList();
        afterCommit.sendAfterCommit(signals, () -> payloads.forEach(p -> send(tx, checked, p)));
    }

    /** Sends at once on a pooled connection, outside any transaction. */
    void publish(String channel, String payload) {
        send(dsl, channel, payload);
    }

    void subscribe(String channel, Consumer<String> receiver) {
        receivers.computeIfAbsent(checked(channel), c -> new CopyOnWriteArrayList<>()).add(receiver);
    }

    /** The ids of the nodes whose listening connection to this database is open now ({@code pg_stat_activity}). */
    Set<String> liveNodes() {
        Set<String> nodes = new HashSet<>();
        for (String name : dsl.select(APPLICATION).from(DSL.table(DSL.name("pg_catalog", "pg_stat_activity")))
                .where(DATABASE.eq(DSL.currentCatalog()))
                .and(APPLICATION.startsWith(LISTENER_NAME)).fetch(APPLICATION)) {
            nodes.add(name.substring(LISTENER_NAME.length()));
        }
        return nodes;
    }

    private static String checked(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Invalid channel name: " + channel);
        }
        return channel;
    }

    @Override
    public void start() {
        running = true;
        afterCommit.start();
        listener = Thread.ofPlatform().daemon().name("basalt-cluster-listener").start(this::listenLoop);
    }

    @Override
    public void stop() {
        afterCommit.stop(FLUSH_TIMEOUT);
        running = false;
        Thread t = listener;
        if (t != null) {
            t.interrupt();
            try {
                t.join(POLL_INTERVAL.toMillis() * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenLoop() {
        long backoff = 100;
        while (running) {
            try (Connection connection = connect()) {
                listening.clear();
                backoff = 100;
                PGConnection pg = connection.unwrap(PGConnection.class);
                listenToNewChannels(connection);
                // Anything sent before LISTEN took effect was missed: subscribers resynchronise once.
                deliverToAll(null);
                while (running) {
                    listenToNewChannels(connection);
                    PGNotification[] batch = pg.getNotifications((int) POLL_INTERVAL.toMillis());
                    if (batch != null) {
                        for (PGNotification n : batch) {
                            deliver(n.getName(), n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Cluster signal connection lost ({}); reconnecting", e.getMessage());
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
                }
            }
        }
    }

    private void listenToNewChannels(Connection connection) throws SQLException {
        for (String channel : receivers.keySet()) {
            if (listening.add(channel)) {
                try (Statement s = connection.createStatement()) {
                    // The channel is an identifier (validated above), which LISTEN cannot take as a parameter.
                    s.execute("LISTEN " + channel);
                }
            }
        }
    }

    private void deliver(String channel, String payload) {
        for (Consumer<String> r : receivers.getOrDefault(channel, List.of())) {
            try {
                r.accept(payload);
            } catch (RuntimeException e) {
                log.error("Cluster signal receiver failed on channel {}", channel, e);
            }
        }
    }

    private void deliverToAll(String payload) {
        receivers.keySet().forEach(channel -> deliver(channel, payload));
    }

    private Connection connect() throws SQLException {
        Properties props = DatabaseTimeouts.driverProperties();
        if (!database.user().isEmpty()) {
            props.setProperty("user", database.user());
        }
        if (!database.password().isEmpty()) {
            props.setProperty("password", database.password());
        }
        // the name tells every node which nodes are listening now (ClusterBarrier)
        props.setProperty("ApplicationName", LISTENER_NAME + nodeId);
        return DriverManager.getConnection(database.jdbcUrl(), props);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
