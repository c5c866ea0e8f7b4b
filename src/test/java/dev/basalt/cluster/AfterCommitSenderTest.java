package dev.basalt.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** Signals leave after their transaction commits, in order and batched; never after a rollback. */
class AfterCommitSenderTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final TransactionTemplate tx = new TransactionTemplate(new NoResourceTransactions());
    private AfterCommitSender sender;

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.stop(WAIT);
        }
    }

    private AfterCommitSender started(AfterCommitSender.BatchSender batchSender) {
        sender = new AfterCommitSender(batchSender);
        sender.start();
        return sender;
    }

    private static List<AfterCommitSender.Signal> signals(String... payloads) {
        List<AfterCommitSender.Signal> list = new ArrayList<>();
        for (String p : payloads) {
            list.add(new AfterCommitSender.Signal("c", p));
        }
        return list;
    }

    private List<String> sent() {
        return batches.stream().flatMap(List::stream).toList();
    }

    @Test
    void sendsOnlyAfterCommitAndInOrder() throws Exception {
        AfterCommitSender s = started(batch -> batches.add(batch.stream().map(AfterCommitSender.Signal::payload).toList()));
        AtomicBoolean sentBeforeCommit = new AtomicBoolean();
        tx.executeWithoutResult(status -> {
            s.sendAfterCommit(signals("a1", "a2"), () -> { throw new AssertionError("no in-transaction send"); });
            sleep(300);
            sentBeforeCommit.set(!sent().isEmpty());
        });
        tx.executeWithoutResult(status -> s.sendAfterCommit(signals("b1"), () -> { }));
        awaitSent(3);
        assertThat(sentBeforeCommit).isFalse();
        assertThat(sent()).containsExactly("a1", "a2", "b1");
    }

    @Test
    void sendsNothingAfterARollback() throws Exception {
        AfterCommitSender s = started(batch -> batches.add(batch.stream().map(AfterCommitSender.Signal::payload).toList()));
        tx.executeWithoutResult(status -> {
            s.sendAfterCommit(signals("lost"), () -> { });
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> s.sendAfterCommit(signals("kept"), () -> { }));
        awaitSent(1);
        sleep(300);
        assertThat(sent()).containsExactly("kept");
    }

    @Test
    void withoutATransactionSendsInsideTheCallersWork() {
        AfterCommitSender s = started(batch -> batches.add(List.of("queued")));
        AtomicInteger inline = new AtomicInteger();
        s.sendAfterCommit(signals("x"), inline::incrementAndGet);
        assertThat(inline).hasValue(1);
        sleep(300);
        assertThat(batches).isEmpty();
    }

    @Test
    void batchesManySignalsPerTransactionUpToTheLimit() throws Exception {
        AtomicBoolean slow = new AtomicBoolean(true);
        AfterCommitSender s = started(batch -> {
            if (slow.getAndSet(false)) {
                sleep(500); // the first batch is slow, so the rest queue up behind it
            }
            batches.add(batch.stream().map(AfterCommitSender.Signal::payload).toList());
        });
        int total = AfterCommitSender.MAX_BATCH * 2 + 10;
        for (int i = 0; i < total; i++) {
            String p = "s" + i;
            tx.executeWithoutResult(status -> s.sendAfterCommit(signals(p), () -> { }));
        }
        awaitSent(total);
        assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(AfterCommitSender.MAX_BATCH));
        assertThat(batches.size()).as("batches for %d signals", total).isLessThan(total / 10);
        assertThat(sent()).hasSize(total).startsWith("s0", "s1", "s2").endsWith("s" + (total - 1));
    }

    @Test
    void retriesAFailedBatchThenDropsIt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AfterCommitSender s = started(batch -> {
            if (batch.get(0).payload().equals("bad")) {
                attempts.incrementAndGet();
                throw new IllegalStateException("database down");
            }
            batches.add(batch.stream().map(AfterCommitSender.Signal::payload).toList());
        });
        tx.executeWithoutResult(status -> s.sendAfterCommit(signals("bad"), () -> { }));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (attempts.get() < AfterCommitSender.ATTEMPTS && System.nanoTime() < deadline) {
            sleep(20);
        }
        tx.executeWithoutResult(status -> s.sendAfterCommit(signals("good"), () -> { }));
        awaitSent(1);
        assertThat(attempts).hasValue(AfterCommitSender.ATTEMPTS);
        assertThat(sent()).containsExactly("good");
    }

    @Test
    void stopSendsWhatIsQueued() {
        AtomicBoolean slow = new AtomicBoolean(true);
        AfterCommitSender s = started(batch -> {
            if (slow.getAndSet(false)) {
                sleep(300);
            }
            batches.add(batch.stream().map(AfterCommitSender.Signal::payload).toList());
        });
        for (int i = 0; i < 50; i++) {
            String p = "q" + i;
            tx.executeWithoutResult(status -> s.sendAfterCommit(signals(p), () -> { }));
        }
        s.stop(WAIT);
        sender = null;
        assertThat(sent()).hasSize(50);
    }

    private void awaitSent(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sent().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(sent()).as("signals sent within %s", WAIT).hasSizeGreaterThanOrEqualTo(count);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Spring's transaction life cycle (synchronisations, commit, rollback) without a resource. */
    private static final class NoResourceTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
