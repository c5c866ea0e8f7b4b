package dev.basalt.backups;

import static dev.basalt.backups.BackupServer.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.backups.BackupServer.Answer;
import dev.basalt.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/backups} over HTTP on a server of its own: create, list, download with a superuser file token,
 * delete, upload, restore (records, files, view, a user's old password), damaged and foreign zips refused with
 * nothing changed, name rules, one backup at a time, and the scheduled entry point's pruning.
 */
@Tag("db")
class BackupsApiTest {
    @TempDir
    static Path dir;
    private static String dbUrl;
    private static BackupServer server;
    private static BackupServer.Seeded seeded;

    @BeforeAll
    static void start() {
        dbUrl = TestDatabase.createDatabase();
        server = new BackupServer(dbUrl, TestDatabase.user(), TestDatabase.password(), dir);
        seeded = server.seed();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Answer call(String method, String path, Object body) {
        return server.send(method, path, body, server.token);
    }

    @Test
    void createListDownloadAndDelete() throws Exception {
        assertThat(server.send("GET", "/api/backups", null, null).status()).isEqualTo(401);
        check(call("POST", "/api/backups", Map.of("name", "listed.zip")), 204);
        check(call("POST", "/api/backups", Map.of()), 204);
        Answer list = check(call("GET", "/api/backups", null), 200);
        List<String> keys = list.json().valueStream().map(b -> b.get("key").asString()).toList();
        assertThat(keys).contains("listed.zip").anyMatch(k -> k.matches("pb_backup_acme_\\d{14}\\.zip"));
        var listed = list.json().valueStream().filter(b -> b.get("key").asString().equals("listed.zip"))
                .findFirst().orElseThrow();
        assertThat(listed.get("size").asLong()).isPositive();
        assertThat(listed.get("modified").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        assertThat(server.send("GET", "/api/backups/listed.zip", null, server.token).status())
                .as("an auth header is not enough").isEqualTo(403);
        assertThat(server.send("GET", "/api/backups/listed.zip?token=" + server.token, null, null).status())
                .as("an auth token is not a file token").isEqualTo(403);
        String userToken = check(server.signIn("members", "ann@example.com", "old-password-1"), 200)
                .json().get("token").asString();
        String userFileToken = check(server.send("POST", "/api/files/token", null, userToken), 200)
                .json().get("token").asString();
        assertThat(server.send("GET", "/api/backups/listed.zip?token=" + userFileToken, null, null).status())
                .as("a user's file token").isEqualTo(403);
        String fileToken = fileToken();
        assertThat(server.send("GET", "/api/backups/missing.zip?token=" + fileToken, null, null).status())
                .isEqualTo(404);
        Answer zip = check(server.send("GET", "/api/backups/listed.zip?token=" + fileToken, null, null), 200);
        List<String> entries = entries(zip.bytes());
        assertThat(entries).contains("manifest.json", "files/" + fileKey());

        check(call("DELETE", "/api/backups/listed.zip", null), 204);
        assertThat(call("DELETE", "/api/backups/listed.zip", null).status()).isEqualTo(400);
        assertThat(call("GET", "/api/backups", null).json().valueStream()
                .map(b -> b.get("key").asString())).doesNotContain("listed.zip");
    }

    @Test
    void namesFollowPocketBasesRules() {
        Answer bad = call("POST", "/api/backups", Map.of("name", "Not Valid.zip"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/data/name/code").asString()).isEqualTo("validation_match_invalid");
        assertThat(call("POST", "/api/backups", Map.of("name", "no-extension")).status()).isEqualTo(400);
        check(call("POST", "/api/backups", Map.of("name", "taken.zip")), 204);
        Answer taken = call("POST", "/api/backups", Map.of("name", "taken.zip"));
        assertThat(taken.json().at("/data/name/code").asString()).isEqualTo("validation_backup_name_exists");
        assertThat(call("POST", "/api/backups/..%2Fescape.zip/restore", null).status()).isIn(400, 404);
        Answer notZip = server.multipart("/api/backups/upload", Map.of(), "file", "text.zip",
                "just text".getBytes(), server.token);
        assertThat(notZip.status()).isEqualTo(400);
        assertThat(notZip.json().at("/data/file/code").asString()).isEqualTo("validation_invalid_mime_type");
    }

    @Test
    void uploadsHaveNoBodyLimit() {
        byte[] big = new byte[51 * 1024 * 1024 + 1];
        big[0] = 'P';
        big[1] = 'K';
        check(server.multipart("/api/backups/upload", Map.of(), "file", "big.zip", big, server.token), 204);
        assertThat(call("GET", "/api/backups", null).json().valueStream()
                .filter(b -> b.get("key").asString().equals("big.zip")).map(b -> b.get("size").asLong()))
                .containsExactly((long) big.length);
        assertThat(server.multipart("/api/backups/upload", Map.of(), "file", "other.zip", big, null).status())
                .isEqualTo(401);
        check(call("DELETE", "/api/backups/big.zip", null), 204);
    }

    @Test
    void oneBackupAtATime() throws Exception {
        Backups backups = server.context.getBean(Backups.class);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> backups.create("slow.zip",
                (phase, done, total, bytes) -> {
                    running.countDown();
                    await(release);
                }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            Answer second = call("POST", "/api/backups", Map.of("name", "second.zip"));
            assertThat(second.status()).isEqualTo(400);
            assertThat(second.json().get("message").asString()).contains("Try again later");
            assertThat(call("GET", "/api/health", null).json().at("/data/canBackup").asBoolean()).isFalse();
            assertThat(call("GET", "/api/backups", null).json().valueStream()
                    .map(b -> b.get("key").asString())).as("an unfinished zip is not listed").doesNotContain("slow.zip");
        } finally {
            release.countDown();
        }
        assertThat(slow.get(60, TimeUnit.SECONDS)).isEqualTo("slow.zip");
        assertThat(call("GET", "/api/health", null).json().at("/data/canBackup").asBoolean()).isTrue();
    }

    @Test
    void aBackupOrRestoreElsewhereOnTheDatabaseIsWaitedFor() throws Exception {
        try (var other = java.sql.DriverManager.getConnection(dbUrl, TestDatabase.user(), TestDatabase.password());
             var lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, Backups.LOCK_KEY);
            lock.execute();
            Answer refused = call("POST", "/api/backups", Map.of("name", "elsewhere.zip"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("message").asString()).contains("Try again later");
            assertThat(call("GET", "/api/health", null).json().at("/data/canBackup").asBoolean())
                    .as("the refused attempt left nothing behind on this node").isTrue();
            // released explicitly: after close() the server process may still hold the lock for a moment
            try (var unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, Backups.LOCK_KEY);
                unlock.execute();
            }
        }
        check(call("POST", "/api/backups", Map.of("name", "elsewhere.zip")), 204);
        try (var other = java.sql.DriverManager.getConnection(dbUrl, TestDatabase.user(), TestDatabase.password());
             var lock = other.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, Backups.LOCK_KEY);
            try (var got = lock.executeQuery()) {
                got.next();
                assertThat(got.getBoolean(1)).as("the finished backup released the lock (no pooled session keeps it)")
                        .isTrue();
            }
        }
    }

    @Test
    void scheduledBackupsArePrunedToMaxKeep() throws Exception {
        Path folder = dir.resolve("backups");
        byte[] any = Files.readAllBytes(Files.list(folder).filter(p -> p.toString().endsWith(".zip")).findFirst()
                .orElseGet(() -> {
                    check(call("POST", "/api/backups", Map.of("name", "seed.zip")), 204);
                    return folder.resolve("seed.zip");
                }));
        for (int day = 1; day <= 3; day++) {
            String name = "@auto_pb_backup_old_2020010" + day + "000000.zip";
            Files.write(folder.resolve(name), any);
            Files.setLastModifiedTime(folder.resolve(name), FileTime.fromMillis(1_577_836_800_000L + day * 86_400_000L));
        }
        Backups backups = server.context.getBean(Backups.class);
        String created = backups.createScheduled("My App", 2);
        assertThat(created).matches("@auto_pb_backup_my_app_\\d{14}\\.zip");
        List<String> auto = backups.list().stream().map(Backups.BackupFile::key)
                .filter(k -> k.startsWith("@auto")).toList();
        assertThat(auto).containsExactly(created, "@auto_pb_backup_old_20200103000000.zip");
    }

    @Test
    void restoreBringsBackRecordsFilesAndPasswords() throws Exception {
        check(call("POST", "/api/backups", Map.of("name", "before.zip")), 204);
        // Change everything after the backup: a new note with a file, the kept note's title, a password.
        Answer extra = check(server.multipart("/api/collections/notes/records", Map.of("title", "later"), "doc",
                "later.txt", "added later".getBytes(), server.token), 200);
        check(call("PATCH", "/api/collections/notes/records/" + seeded.noteId(), Map.of("title", "changed")), 200);
        String member = check(server.signIn("members", "ann@example.com", "old-password-1"), 200)
                .json().at("/record/id").asString();
        check(call("PATCH", "/api/collections/members/records/" + member,
                Map.of("password", "new-password-2", "passwordConfirm", "new-password-2")), 200);
        Path laterFile = dir.resolve("storage").resolve(fileDir(extra.json().get("id").asString()));
        assertThat(laterFile).exists();

        check(call("POST", "/api/backups/before.zip/restore", null), 204);

        Answer kept = check(call("GET", "/api/collections/notes/records/" + seeded.noteId(), null), 200);
        assertThat(kept.json().get("title").asString()).isEqualTo("kept");
        assertThat(call("GET", "/api/collections/notes/records/" + extra.json().get("id").asString(), null)
                .status()).isEqualTo(404);
        Answer file = check(server.send("GET", "/api/files/notes/" + seeded.noteId() + "/" + seeded.fileName(),
                null, null), 200);
        assertThat(file.bytes()).isEqualTo(seeded.fileContent());
        assertThat(laterFile).as("files the backup does not hold are removed").doesNotExist();
        assertThat(server.signIn("members", "ann@example.com", "old-password-1").status()).isEqualTo(200);
        assertThat(server.signIn("members", "ann@example.com", "new-password-2").status()).isEqualTo(400);
        assertThat(check(call("GET", "/api/collections/note_titles/records", null), 200).json()
                .at("/items/0/title").asString()).isEqualTo("kept");
        assertThat(call("GET", "/api/health", null).json().at("/data/canBackup").asBoolean()).isTrue();
    }

    @Test
    void damagedAndForeignZipsAreRefusedAndNothingChanges() throws Exception {
        check(call("POST", "/api/backups", Map.of("name", "good.zip")), 204);
        byte[] good = Files.readAllBytes(dir.resolve("backups").resolve("good.zip"));
        check(call("PATCH", "/api/collections/notes/records/" + seeded.noteId(), Map.of("title", "current")), 200);

        byte[] damaged = damage(good);
        check(server.multipart("/api/backups/upload", Map.of(), "file", "damaged.zip", damaged, server.token), 204);
        Answer refused = call("POST", "/api/backups/damaged.zip/restore", null);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().get("message").asString()).contains("Failed to restore the backup");

        ByteArrayOutputStream foreign = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(foreign)) {
            zip.putNextEntry(new ZipEntry("data.db"));
            zip.write("SQLite format 3".getBytes());
            zip.closeEntry();
        }
        check(server.multipart("/api/backups/upload", Map.of(), "file", "foreign.zip", foreign.toByteArray(),
                server.token), 204);
        Answer notOurs = call("POST", "/api/backups/foreign.zip/restore", null);
        assertThat(notOurs.status()).isEqualTo(400);
        assertThat(notOurs.json().get("message").asString()).contains("not a Basalt backup");
        assertThat(call("POST", "/api/backups/missing.zip/restore", null).status()).isEqualTo(400);

        assertThat(check(call("GET", "/api/collections/notes/records/" + seeded.noteId(), null), 200)
                .json().get("title").asString()).as("nothing changed").isEqualTo("current");
        assertThat(server.send("GET", "/api/files/notes/" + seeded.noteId() + "/" + seeded.fileName(), null, null)
                .status()).isEqualTo(200);
        Answer upload = server.multipart("/api/backups/upload", Map.of(), "file", "good.zip", good, server.token);
        assertThat(upload.json().at("/data/file/code").asString()).isEqualTo("validation_backup_name_exists");
    }

    @Test
    void manifestsThatDoNotMatchTheDataOrCarryUnsafeDdlAreRefused() throws Exception {
        check(call("POST", "/api/backups", Map.of("name", "source.zip")), 204);
        byte[] source = Files.readAllBytes(dir.resolve("backups").resolve("source.zip"));
        check(call("PATCH", "/api/collections/notes/records/" + seeded.noteId(), Map.of("title", "untouched")), 200);

        byte[] wrongCount = withManifest(source, m -> {
            var notes = table(m, "notes");
            notes.put("rows", notes.get("rows").asLong() + 1);
        });
        check(server.multipart("/api/backups/upload", Map.of(), "file", "wrong-count.zip", wrongCount,
                server.token), 204);
        Answer counted = call("POST", "/api/backups/wrong-count.zip/restore", null);
        assertThat(counted.status()).isEqualTo(400);
        assertThat(counted.json().get("message").asString())
                .containsPattern("table notes loaded \\d+ rows, the manifest says \\d+");

        byte[] unsafe = withManifest(source, m -> ((tools.jackson.databind.node.ObjectNode) table(m, "notes")
                .get("columns").get(1)).put("defaultValue", "pg_read_file('/etc/passwd')"));
        check(server.multipart("/api/backups/upload", Map.of(), "file", "unsafe.zip", unsafe, server.token), 204);
        Answer refused = call("POST", "/api/backups/unsafe.zip/restore", null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asString()).contains("a restore does not run");

        assertThat(check(call("GET", "/api/collections/notes/records/" + seeded.noteId(), null), 200)
                .json().get("title").asString()).as("nothing changed").isEqualTo("untouched");
    }

    private static tools.jackson.databind.node.ObjectNode table(tools.jackson.databind.node.ObjectNode manifest,
                                                               String name) {
        return (tools.jackson.databind.node.ObjectNode) manifest.get("tables").valueStream()
                .filter(t -> t.get("name").asString().equals(name)).findFirst().orElseThrow();
    }

    /** The zip with its manifest changed by {@code change} (every other entry as it was). */
    private static byte[] withManifest(byte[] zip,
                                       java.util.function.Consumer<tools.jackson.databind.node.ObjectNode> change)
            throws Exception {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("manifest.json")) {
                    var manifest = (tools.jackson.databind.node.ObjectNode) json.readTree(content);
                    change.accept(manifest);
                    content = json.writeValueAsBytes(manifest);
                }
                copy.putNextEntry(new ZipEntry(e.getName()));
                copy.write(content);
                copy.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Flips bytes in the middle of the first data entry's compressed content. */
    private static byte[] damage(byte[] zip) {
        byte[] copy = zip.clone();
        int at = 200;
        for (int i = at; i < at + 8; i++) {
            copy[i] ^= 0x5a;
        }
        return copy;
    }

    private String fileToken() {
        return check(call("POST", "/api/files/token", null), 200).json().get("token").asString();
    }

    private String fileKey() {
        return fileDir(seeded.noteId()) + "/" + seeded.fileName();
    }

    private String fileDir(String recordId) {
        String collectionId = check(call("GET", "/api/collections/notes", null), 200).json().get("id").asString();
        return collectionId + "/" + recordId;
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
