package dev.basalt.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one {@code serve} per data directory with the embedded PostgreSQL: a lock on {@code <dir>/.lock}, held until
 * the process ends (the operating system releases it even after a crash). A server with the embedded database
 * takes it exclusively: without it a second server would attach to the first one's embedded PostgreSQL and break
 * for good when the first stopped. Servers on an external database take it shared, so the nodes of a cluster may
 * keep their uploaded files in one directory, while a server with the embedded database is still refused there.
 * The file holds the (last) owner's pid for the message a refused server prints. CLI commands such as
 * {@code superuser} do not take it: they are meant to run beside the server.
 */
final class DataDirectoryLock {
    static final String FILE_NAME = ".lock";
    /** Held for the process lifetime; a released or collected channel would drop the lock. */
    private static FileChannel held;

    private DataDirectoryLock() {
    }

    /**
     * Takes the lock, exclusively (embedded database) or shared (external database); returns null when taken,
     * else a one-line reason with a hint.
     */
    static synchronized String acquire(Path dir, boolean exclusive) {
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            return "cannot write to the data directory " + dir.toAbsolutePath() + " (" + reason(e) + "). "
                    + "Hint: choose a directory this user may write with --dir=PATH, or fix its permissions.";
        }
        try {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, !exclusive);
            if (lock == null) {
                String owner = readOwner(file);
                channel.close();
                return "the data directory " + dir.toAbsolutePath() + " is in use by another Basalt server"
                        + (owner.isEmpty() ? "" : " (pid " + owner + ")") + ". Hint: stop that server first, "
                        + "or give this one its own --dir=PATH.";
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            held = channel;
            return null;
        } catch (IOException e) {
            return "cannot lock " + file.toAbsolutePath() + " (" + reason(e) + ").";
        }
    }

    private static String readOwner(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** The exception's message without the path the caller already names. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file is in the way";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
