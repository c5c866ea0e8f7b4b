package dev.basalt.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basalt.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Coalesced subscription snapshots on a real PostgreSQL: a burst of concurrent subscribes shares a few
 * {@code pg_current_snapshot()} statements, and each still starts at a snapshot taken after it asked (it sees a
 * transaction its caller committed just before asking).
 */
class StartSnapshotsTest {
    private static final int SUBSCRIBES = 500;
    /** Far below one per subscribe; a thread scheduled late may miss a round and wait for the next. */
    private static final int MAX_STATEMENTS = 12;
    private final DataSource db = TestDatabase.newDataSource();

    private Snapshot current(Connection c) {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT pg_current_snapshot()::text")) {
            r.next();
            return Snapshot.parse(r.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Commits a transaction that has an id, and returns the id. */
    private long commitOne(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT pg_current_xact_id()::text")) {
            r.next();
            return Long.parseLong(r.getString(1)); // autocommit: committed once the statement returns
        }
    }

    @Test
    void aBurstSharesStatementsAndEachStartsAfterItAsked() throws Exception {
        AtomicInteger statements = new AtomicInteger();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch burstAsked = new CountDownLatch(SUBSCRIBES);
        try (Connection snapshots = db.getConnection(); Connection writer = db.getConnection();
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            StartSnapshots start = new StartSnapshots(() -> {
                if (statements.incrementAndGet() == 1) {
                    firstRunning.countDown();
                    try {
                        burstAsked.await(); // the whole burst asks while the first statement is in flight
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return current(snapshots);
            });
            Future<Snapshot> first = pool.submit(start::await);
            firstRunning.await();
            List<Long> committed = new ArrayList<>();
            List<Future<Snapshot>> burst = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBES; i++) {
                committed.add(commitOne(writer));
                burst.add(pool.submit(() -> {
                    burstAsked.countDown();
                    return start.await();
                }));
            }
            assertThat(first.get()).isNotNull();
            for (int i = 0; i < SUBSCRIBES; i++) {
                assertThat(burst.get(i).get().sees(committed.get(i)))
                        .as("subscribe %d starts after the transaction committed before it asked", i).isTrue();
            }
            // the first statement, the burst's round, and a few more for stragglers that asked after it was sent
            assertThat(statements.get()).isBetween(2, MAX_STATEMENTS);
        }
    }

    @Test
    void aFailedStatementFailsItsRoundAndTheNextOneTriesAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (Connection c = db.getConnection()) {
            StartSnapshots start = new StartSnapshots(() -> {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("database unavailable");
                }
                return current(c);
            });
            assertThatThrownBy(start::await).isInstanceOf(IllegalStateException.class)
                    .hasMessage("database unavailable");
            assertThat(start.await()).isNotNull();
        }
    }
}
