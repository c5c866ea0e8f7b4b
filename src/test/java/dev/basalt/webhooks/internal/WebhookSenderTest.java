package dev.basalt.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.webhooks.WebhookSettings;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sender's refusal of internal addresses (server-side request forgery), against a real local receiver. */
class WebhookSenderTest {
    private static WebhookSender sender(boolean privateAddresses) {
        return new WebhookSender(new WebhookSettings(Duration.ofHours(24), privateAddresses, Duration.ofSeconds(5),
                true, Duration.ofDays(7)), Clock.systemUTC());
    }

    @Test
    void loopbackIsRefusedByDefaultWithoutAnyRequest() throws Exception {
        try (Receiver receiver = new Receiver()) {
            WebhookSender.Outcome outcome = sender(false).send(receiver.url(), "s3cret-s3cret-s3cret", "d1", "{}");
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.retry()).as("refused for good, not retried").isFalse();
            assertThat(outcome.error()).contains("127.0.0.1").contains("BASALT_WEBHOOKS_PRIVATE_ADDRESSES");
            assertThat(receiver.next(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void privateAndLinkLocalAddressesAreInternal() throws Exception {
        for (String internal : new String[] {"10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "::1",
                "fd00::1", "0.0.0.0"}) {
            assertThat(WebhookSender.internal(java.net.InetAddress.getByName(internal))).as(internal).isTrue();
        }
        assertThat(WebhookSender.internal(java.net.InetAddress.getByName("93.184.216.34"))).isFalse();
    }

    @Test
    void allowedLoopbackIsCalledWithTheSignedHeaders() throws Exception {
        try (Receiver receiver = new Receiver()) {
            WebhookSender.Outcome outcome = sender(true).send(receiver.url(), "s3cret-s3cret-s3cret", "d2", "{\"a\":1}");
            assertThat(outcome.delivered()).isTrue();
            Receiver.Received got = receiver.next(Duration.ofSeconds(5));
            assertThat(got.delivery()).isEqualTo("d2");
            assertThat(got.signature()).isEqualTo(
                    Signatures.sign("s3cret-s3cret-s3cret", Long.parseLong(got.timestamp()), "{\"a\":1}"));
        }
    }

    @Test
    void nonHttpUrlsAreRefused() {
        WebhookSender.Outcome outcome = sender(true).send("file:///etc/passwd", "s3cret-s3cret-s3cret", "d3", "{}");
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).isEqualTo("not an http(s) URL");
    }

    @Test
    void backoffDoublesUpToItsCap() {
        assertThat(Dispatcher.backoff(1)).isEqualTo(Dispatcher.FIRST_RETRY);
        assertThat(Dispatcher.backoff(2)).isEqualTo(Dispatcher.FIRST_RETRY.multipliedBy(2));
        assertThat(Dispatcher.backoff(4)).isEqualTo(Dispatcher.FIRST_RETRY.multipliedBy(8));
        assertThat(Dispatcher.backoff(100)).isEqualTo(Dispatcher.MAX_RETRY);
    }
}
