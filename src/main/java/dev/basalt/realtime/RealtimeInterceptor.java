package dev.basalt.realtime;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * The realtime API's seam for PocketBase's {@code onRealtimeConnectRequest}, {@code onRealtimeSubscribeRequest} and
 * {@code onRealtimeMessageSend} hooks, implemented by the hooks module. Each method wraps one step and calls its
 * continuation to go on; not calling it stops the step (the request then gets the implementation's answer, a
 * message is not sent).
 */
public interface RealtimeInterceptor {
    /**
     * Wraps {@code GET /api/realtime}: {@code proceed} opens the stream of client {@code clientId} (and returns null).
     * Returns the answer to send when the stream was not opened.
     */
    ResponseEntity<Object> aroundConnect(HttpServletRequest request, String clientId,
                                         Supplier<ResponseEntity<Object>> proceed);

    /**
     * Wraps {@code POST /api/realtime}: {@code subscriptions} (mutable) are the topics {@code proceed} will set;
     * returns the answer.
     */
    ResponseEntity<Object> aroundSubscribe(HttpServletRequest request, String clientId, List<String> subscriptions,
                                           Supplier<ResponseEntity<Object>> proceed);

    /** False when no message hook is bound: frames are then written as they are, without being looked at. */
    boolean interceptsMessages();

    /** Wraps the writing of one message to one client, on that client's writer thread; {@code send} writes it. */
    void aroundMessage(String clientId, RealtimeMessage message, Runnable send);

    /** An SSE message about to be written: its event name and its data (JSON text), both changeable. */
    final class RealtimeMessage {
        private String name;
        private String data;

        public RealtimeMessage(String name, String data) {
            this.name = name;
            this.data = data;
        }

        public String name() {
            return name;
        }

        public void name(String value) {
            this.name = value;
        }

        public String data() {
            return data;
        }

        public void data(String value) {
            this.data = value;
        }
    }
}
