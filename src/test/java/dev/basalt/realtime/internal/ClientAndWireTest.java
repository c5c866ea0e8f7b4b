package dev.basalt.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.realtime.ChangeEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bounded client queue, subscription options and the chunked wire form of changes. */
class ClientAndWireTest {

    @Test
    void aClientTooFarBehindIsClosed() {
        Client client = new Client("c1");
        for (int i = 0; i < Client.MAX_PENDING_FRAMES; i++) {
            assertThat(client.offer("f" + i, true)).isTrue();
        }
        assertThat(client.offer("one too many", true)).isFalse();
        assertThat(client.isClosed()).isTrue();
        assertThat(client.offer("later", true)).isFalse();
    }

    @Test
    void framesAreWrittenInOrderOnceAStreamIsAttached() throws Exception {
        Client client = new Client("c2");
        client.offer("a", true);
        List<String> written = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        client.attach(new Client.Sink() {
            @Override
            public void write(String frame) {
                written.add(frame);
            }

            @Override
            public void close() {
                closed.countDown();
            }
        });
        // Stay within the queue's bound: a writer that falls further behind closes the client by design.
        int frames = Client.MAX_PENDING_FRAMES - 1;
        for (int i = 0; i < frames; i++) {
            assertThat(client.offer("f" + i, false)).isTrue();
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (written.size() < frames + 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertThat(written).hasSize(frames + 1).startsWith("a", "f0", "f1").endsWith("f" + (frames - 1));
        client.close();
        assertThat(closed.await(1, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void optionsAreParsedAsPocketBaseDoes() {
        Subscription s = Subscription.parse("posts/*?options=" + java.net.URLEncoder.encode(
                "{\"query\":{\"filter\":\"a = 1\",\"n\":5},\"headers\":{\"X-Token\":\"abc\"}}", StandardCharsets.UTF_8));
        assertThat(s.topic()).isEqualTo("posts/*");
        assertThat(s.wholeCollection()).isTrue();
        assertThat(s.query()).containsEntry("filter", "a = 1").containsEntry("n", "5");
        assertThat(s.headers()).containsEntry("x_token", "abc");
        assertThat(Subscription.parse("posts/abc?options=%7Bbroken").query()).isEmpty();
        assertThat(Subscription.parse("posts/abc").wholeCollection()).isFalse();
    }

    @Test
    void largeChangesTravelInChunksThatFitANotification() {
        String big = "é€😀x".repeat(5000);
        ChangeEvent e = new ChangeEvent("c", "posts", "r1", ChangeEvent.UPDATE, big);
        List<String> chunks = ChangeWire.encode(e, 7, 42);
        assertThat(chunks.size()).isGreaterThan(1);
        chunks.forEach(c -> assertThat(c.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000));
        ChangeWire.Reassembler r = new ChangeWire.Reassembler();
        Optional<ChangeWire.Received> out = Optional.empty();
        for (String c : chunks) {
            assertThat(out).isEmpty();
            out = r.accept(c);
        }
        assertThat(out).get().extracting(ChangeWire.Received::event).isEqualTo(e);
        assertThat(out.get().publishedMillis()).isEqualTo(42);
        assertThat(out.get().xid()).isEqualTo(7);

        List<String> again = ChangeWire.encode(e, 7, 43);
        assertThat(r.accept(again.get(0))).isEmpty();
        assertThat(r.accept(again.get(2))).as("a missing chunk drops the event").isEmpty();
        assertThat(r.accept(again.getLast())).isEmpty();
    }
}
