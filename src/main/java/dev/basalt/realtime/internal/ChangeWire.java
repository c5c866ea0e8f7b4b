package dev.basalt.realtime.internal;

import dev.basalt.realtime.ChangeEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire form of a change between nodes: JSON split into chunks that each fit a {@code pg_notify} payload
 * (8000 bytes). Every chunk is {@code eventId:index:count:text}; the event id also keeps two identical changes of
 * one transaction apart (PostgreSQL folds identical notifications of a transaction into one).
 */
public final class ChangeWire {
    /** Characters of JSON per chunk: at most 3 UTF-8 bytes each, so a chunk stays well below 8000 bytes. */
    static final int CHUNK_CHARS = 2400;
    /** The largest change sent, in characters of JSON (larger ones are refused at publish time). */
    public static final int MAX_EVENT_CHARS = 4 << 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A change received from the wire, with the id of the transaction that made it ({@code pg_current_xact_id()},
     * {@link Snapshot#UNKNOWN_XID} from a node that does not send it) and the wall-clock time it was published
     * (just before commit).
     */
    public record Received(ChangeEvent event, long xid, long publishedMillis) {
    }

    private ChangeWire() {
    }

    /** The chunks of one change made by transaction {@code xid}. */
    public static List<String> encode(ChangeEvent e, long xid, long publishedMillis) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("c", e.collectionId());
        json.put("n", e.collectionName());
        json.put("r", e.recordId());
        json.put("a", e.action());
        json.put("s", e.snapshot());
        json.put("t", publishedMillis);
        json.put("x", xid);
        String text = JSON.writeValueAsString(json);
        if (text.length() > MAX_EVENT_CHARS) {
            throw new IllegalArgumentException("Change of " + text.length() + " characters exceeds "
                    + MAX_EVENT_CHARS);
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length() || parts.isEmpty()) {
            int end = Math.min(text.length(), start + CHUNK_CHARS);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never split a surrogate pair
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        List<String> chunks = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            chunks.add(id + ":" + i + ":" + parts.size() + ":" + parts.get(i));
        }
        return chunks;
    }

    /** Joins chunks back into changes; not thread-safe (one receiving thread). */
    public static final class Reassembler {
        /** Events being reassembled at once; more means chunks were lost, and the oldest are forgotten. */
        static final int MAX_PARTIAL = 1024;
        private final Map<String, StringBuilder> partial = new LinkedHashMap<>();
        private final Map<String, Integer> nextIndex = new LinkedHashMap<>();

        /** Accepts one chunk; returns the change when this chunk completes it. Malformed chunks are ignored. */
        public Optional<Received> accept(String chunk) {
            String[] head = chunk.split(":", 4);
            if (head.length < 4) {
                return Optional.empty();
            }
            int index;
            int count;
            try {
                index = Integer.parseInt(head[1]);
                count = Integer.parseInt(head[2]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            String id = head[0];
            if (index != nextIndex.getOrDefault(id, 0)) {
                forget(id); // a chunk went missing: drop the event rather than deliver a corrupt one
                return Optional.empty();
            }
            StringBuilder text = partial.computeIfAbsent(id, k -> new StringBuilder()).append(head[3]);
            if (index + 1 < count) {
                nextIndex.put(id, index + 1);
                trim();
                return Optional.empty();
            }
            forget(id);
            return Optional.of(decode(text.toString()));
        }

        /** Forgets partial events (after a lost connection). */
        public void reset() {
            partial.clear();
            nextIndex.clear();
        }

        private void forget(String id) {
            partial.remove(id);
            nextIndex.remove(id);
        }

        private void trim() {
            while (partial.size() > MAX_PARTIAL) {
                forget(partial.keySet().iterator().next());
            }
        }

        private static Received decode(String text) {
            JsonNode n = JSON.readTree(text);
            ChangeEvent e = new ChangeEvent(n.get("c").asString(), n.get("n").asString(), n.get("r").asString(),
                    n.get("a").asString(), n.get("s").asString());
            JsonNode xid = n.get("x");
            return new Received(e, xid == null ? Snapshot.UNKNOWN_XID : xid.asLong(), n.get("t").asLong());
        }
    }
}
