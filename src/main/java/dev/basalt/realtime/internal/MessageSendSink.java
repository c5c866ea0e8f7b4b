package dev.basalt.realtime.internal;

import dev.basalt.realtime.RealtimeInterceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's stream with the {@link RealtimeInterceptor}'s message wrapper in front of it (PocketBase's
 * {@code onRealtimeMessageSend}): each event frame is shown as its name and data, written as the wrapper leaves it,
 * or dropped when the wrapper does not go on. Runs on the client's writer thread, so a slow hook delays only this
 * client. Keep-alive comments pass untouched.
 */
final class MessageSendSink implements Client.Sink {
    private static final Logger log = LoggerFactory.getLogger(MessageSendSink.class);
    private static final String EVENT = "\nevent:";
    private static final String DATA = "\ndata:";
    private final Client.Sink out;
    private final String clientId;
    private final RealtimeInterceptor interceptor;

    MessageSendSink(Client.Sink out, String clientId, RealtimeInterceptor interceptor) {
        this.out = out;
        this.clientId = clientId;
        this.interceptor = interceptor;
    }

    @Override
    public void write(String frame) throws IOException {
        if (!interceptor.interceptsMessages()) {
            out.write(frame);
            return;
        }
        int name = frame.indexOf(EVENT);
        int data = frame.indexOf(DATA);
        if (!frame.startsWith("id:") || name < 0 || data < name) {
            out.write(frame);
            return;
        }
        var message = new RealtimeInterceptor.RealtimeMessage(frame.substring(name + EVENT.length(), data),
                frame.substring(data + DATA.length(), frame.length() - 2));
        try {
            interceptor.aroundMessage(clientId, message, () -> {
                try {
                    out.write(SseFrames.event(clientId, message.name(), message.data()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) { // a failing hook drops its message, not the connection
            log.warn("A realtime message hook failed; message {} to {} not sent: {}", message.name(), clientId,
                    e.toString());
        }
    }

    @Override
    public void close() {
        out.close();
    }
}
