package dev.basalt.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The Redis for tests: {@code BASALT_TEST_REDIS_URL}, default the machine's Redis at {@code redis://127.0.0.1:6379}.
 * Each test takes a prefix of its own, so tests of several runs can share it; {@link #startOwn} starts a private
 * {@code redis-server} for tests that stop and restart Redis.
 */
public final class TestRedis {
    private TestRedis() {
    }

    /** The Redis URL tests use. */
    public static String url() {
        String url = System.getenv("BASALT_TEST_REDIS_URL");
        return url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
    }

    /** A key and channel prefix no other test uses. */
    public static String uniquePrefix() {
        return "basalt-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    /** Deletes every key under {@code prefix}. */
    public static void deleteKeys(String url, String prefix) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = c.sync().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                if (!page.getKeys().isEmpty()) {
                    c.sync().del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
    }

    /** Starts {@code redis-server} on {@code port} (no persistence) and waits until it accepts connections. */
    public static Process startOwn(int port, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis-" + port + ".log").toFile()).start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return p;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new IOException("redis-server on port " + port + " exited");
                }
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IOException("redis-server on port " + port + " did not start");
    }
}
