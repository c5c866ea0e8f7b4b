package dev.basalt.hooks.js;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Development mode's reload: polls the hooks directory's {@code *.pb.js} files (names, sizes, modification times)
 * and calls {@code changed} once after they change. Polling rather than a watch service: it works the same for
 * files replaced by editors and on mounted directories.
 */
final class JsWatcher implements AutoCloseable {
    /** How often the files are checked. */
    static final Duration INTERVAL = Duration.ofSeconds(1);
    private final Thread thread;
    private volatile boolean running = true;

    private JsWatcher(Path dir, Runnable changed) {
        thread = Thread.ofPlatform().daemon().name("js-hooks-watcher").start(() -> {
            Map<String, String> last = snapshot(dir);
            while (running) {
                try {
                    Thread.sleep(INTERVAL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                Map<String, String> now = snapshot(dir);
                if (!now.equals(last)) {
                    last = now;
                    changed.run();
                }
            }
        });
    }

    static JsWatcher start(Path dir, Runnable changed) {
        return new JsWatcher(dir, changed);
    }

    private static Map<String, String> snapshot(Path dir) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> p.toString().endsWith(".js")).forEach(p -> {
                try {
                    FileTime t = Files.getLastModifiedTime(p);
                    out.put(p.toString(), t.toMillis() + ":" + Files.size(p));
                } catch (IOException e) {
                    out.put(p.toString(), "?");
                }
            });
        } catch (IOException e) {
            out.put(dir.toString(), "?");
        }
        return out;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
