package dev.basalt.realtime.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hands received changes to the {@link Broker} on one worker thread, in commit order, so the cluster listener
 * never waits for rule checks. The queue is bounded: when it is full the change is dropped and counted.
 */
@Component
public class FanOut implements SmartLifecycle {
    /** Changes waiting for fan-out at most. */
    static final int MAX_QUEUED_CHANGES = 10_000;
    private static final Logger log = LoggerFactory.getLogger(FanOut.class);
    private final BlockingQueue<ChangeWire.Received> queue = new ArrayBlockingQueue<>(MAX_QUEUED_CHANGES);
    private final Broker broker;
    private volatile boolean running;
    private volatile Thread worker;

    FanOut(Broker broker) {
        this.broker = broker;
    }

    /** Queues a received change (called on the cluster listener thread). */
    public void submit(ChangeWire.Received change) {
        if (!queue.offer(change)) {
            broker.lost(1);
            log.warn("Realtime fan-out queue full; change of {}/{} dropped", change.event().collectionName(),
                    change.event().recordId());
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().daemon().name("basalt-realtime-fanout").start(this::work);
    }

    private void work() {
        while (running) {
            try {
                ChangeWire.Received next = queue.poll(500, TimeUnit.MILLISECONDS);
                if (next != null) {
                    broker.dispatch(next.event(), next.xid(), next.publishedMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Realtime fan-out failed", e);
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
