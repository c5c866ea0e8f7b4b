package dev.basalt.backups;

import static dev.basalt.backups.BackupServer.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.backups.BackupServer.Answer;
import dev.basalt.testing.TestClock;
import dev.basalt.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Automatic backups as PocketBase: {@code backups.cron} in the settings registers the cron job
 * {@code __pbAutoBackup__}, a run creates {@code @auto_pb_backup_<app>_<timestamp>.zip} and keeps
 * {@code cronMaxKeep} of them, and clearing the expression removes the job.
 */
@Tag("db")
class ScheduledBackupsApiTest {
    private static final String JOB = "__pbAutoBackup__";
    private static final Duration WAIT = Duration.ofSeconds(60);
    @TempDir
    static Path dir;
    private static BackupServer server;

    @BeforeAll
    static void start() {
        server = new BackupServer(TestDatabase.createDatabase(), TestDatabase.user(), TestDatabase.password(), dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Answer call(String method, String path, Object body) {
        return server.send(method, path, body, server.token);
    }

    private List<String> jobs() {
        return check(call("GET", "/api/crons", null), 200).json().valueStream()
                .map(j -> j.get("id").asString()).toList();
    }

    private List<String> autoBackups() {
        return check(call("GET", "/api/backups", null), 200).json().valueStream()
                .map(b -> b.get("key").asString()).filter(k -> k.startsWith("@auto_pb_backup_")).toList();
    }

    private List<String> waitForAutoBackups(int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        List<String> found = autoBackups();
        while (found.size() != count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            found = autoBackups();
        }
        return found;
    }

    @Test
    void theCronSettingSchedulesPrunesAndRemovesTheJob() throws Exception {
        assertThat(jobs()).doesNotContain(JOB);

        check(call("PATCH", "/api/settings", Map.of("meta", Map.of("appName", "Nightly App"),
                "backups", Map.of("cron", "0 3 * * *", "cronMaxKeep", 2))), 200);
        assertThat(jobs()).as("registered once the settings are saved").contains(JOB);
        Answer listed = check(call("GET", "/api/crons", null), 200);
        assertThat(listed.json().valueStream().filter(j -> j.get("id").asString().equals(JOB))
                .map(j -> j.get("expression").asString())).containsExactly("0 3 * * *");

        for (int run = 1; run <= 3; run++) {
            check(call("POST", "/api/crons/" + JOB, null), 204);
            List<String> auto = waitForAutoBackups(Math.min(run, 2));
            assertThat(auto).hasSize(Math.min(run, 2))
                    .allMatch(k -> k.matches("@auto_pb_backup_nightly_app_\\d{14}\\.zip"));
            server.context.getBean(TestClock.class).advance(Duration.ofMinutes(1)); // names carry the time
        }

        check(call("PATCH", "/api/settings", Map.of("backups", Map.of("cron", ""))), 200);
        assertThat(jobs()).as("removed with the expression").doesNotContain(JOB);
        assertThat(check(call("POST", "/api/crons/" + JOB, null), 404).status()).isEqualTo(404);
    }
}
