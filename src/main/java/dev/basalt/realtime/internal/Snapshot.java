package dev.basalt.realtime.internal;

import java.util.Arrays;

/**
 * A PostgreSQL snapshot ({@code pg_current_snapshot()}, text form {@code xmin:xmax:xip,...}) and the question
 * {@code pg_visible_in_snapshot} answers, asked in memory: had the transaction {@code xid} committed when the
 * snapshot was taken? Realtime asks it only of committed transactions, so "not in progress and below xmax" means
 * "committed before". Transaction ids are the 64-bit ones ({@code xid8}), which never wrap.
 *
 * @param xmin the oldest transaction still in progress (everything below it had ended)
 * @param xmax one past the newest transaction that had ended (everything from it on had not)
 * @param xip  the transactions in progress at the time, sorted
 */
record Snapshot(long xmin, long xmax, long[] xip) {
    /** Sees nothing: every change counts as later (for events without a transaction id, e.g. from older nodes). */
    static final long UNKNOWN_XID = 0;

    /** Parses the text form of {@code pg_snapshot}. */
    static Snapshot parse(String text) {
        String[] parts = text.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a pg_snapshot: " + text);
        }
        long[] xip = parts[2].isEmpty() ? new long[0]
                : Arrays.stream(parts[2].split(",")).mapToLong(Long::parseLong).sorted().toArray();
        return new Snapshot(Long.parseLong(parts[0]), Long.parseLong(parts[1]), xip);
    }

    /** True when transaction {@code xid} had committed before the snapshot (so its change predates it). */
    boolean sees(long xid) {
        if (xid == UNKNOWN_XID) {
            return false;
        }
        if (xid < xmin) {
            return true;
        }
        return xid < xmax && Arrays.binarySearch(xip, xid) < 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && xmin == s.xmin && xmax == s.xmax && Arrays.equals(xip, s.xip);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(xmin) * 31 + Arrays.hashCode(xip);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(xmin).append(':').append(xmax).append(':');
        for (int i = 0; i < xip.length; i++) {
            b.append(i == 0 ? "" : ",").append(xip[i]);
        }
        return b.toString();
    }
}
