package dev.basalt.cli;

import dev.basalt.backups.BackupProgress;
import java.io.PrintStream;

/**
 * A one-line progress bar: {@code [#######.............] tables 12/40  3.4 MB}, redrawn in place at most
 * {@link #REDRAWS_PER_SECOND} times a second (and whenever the phase changes).
 */
final class ProgressBar implements BackupProgress {
    /** How often the line may be redrawn. */
    static final int REDRAWS_PER_SECOND = 10;
    private static final int WIDTH = 30;
    private final PrintStream out;
    private String phase = "";
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void update(String phase, long done, long total, long bytes) {
        long now = System.nanoTime();
        boolean newPhase = !phase.equals(this.phase);
        if (!newPhase && done < total && now - lastDraw < 1_000_000_000L / REDRAWS_PER_SECOND) {
            return;
        }
        if (newPhase && drawn) {
            out.println();
        }
        this.phase = phase;
        lastDraw = now;
        int filled = total <= 0 ? WIDTH : (int) (WIDTH * Math.min(done, total) / total);
        out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + phase + " " + done + "/" + total
                + (bytes > 0 ? String.format("  %.1f MB", bytes / 1_048_576.0) : ""));
        out.flush();
        drawn = true;
    }

    /** Ends the line. */
    synchronized void finish() {
        if (drawn) {
            out.println();
        }
    }
}
