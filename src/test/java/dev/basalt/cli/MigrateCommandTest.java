package dev.basalt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PocketBase's {@code migrate} command as a user runs it, in child processes: {@code create} writes a file,
 * {@code up} applies it (once), {@code collections} writes a snapshot, {@code history-sync} forgets a removed
 * applied file, {@code down} runs the (remaining) file's down.
 */
@Tag("db")
class MigrateCommandTest {
    @TempDir
    Path dir;

    private final String dbUrl = TestDatabase.createDatabase();

    @Test
    void createUpSnapshotAndDown() throws Exception {
        CliProcess.Run created = cli("create", "add cli notes");
        assertThat(created.exit()).as(created.output()).isZero();
        Path migrations = dir.resolve("basalt_migrations");
        List<Path> files = list(migrations);
        assertThat(files).hasSize(1);
        Path file = files.get(0);
        assertThat(file.getFileName().toString()).matches("\\d+_add_cli_notes\\.js");
        assertThat(Files.readString(file)).contains("migrate((app) => {");
        Files.writeString(file, """
                migrate((app) => {
                    app.save(new Collection({ name: "cli_notes", fields: [new TextField({ name: "title" })] }));
                }, (app) => {
                    app.delete(app.findCollectionByNameOrId("cli_notes"));
                });
                """);

        CliProcess.Run up = cli("up");
        assertThat(up.exit()).as(up.output()).isZero();
        assertThat(up.output()).contains("Applied " + file.getFileName());
        assertThat(collectionExists("cli_notes")).isTrue();
        CliProcess.Run again = cli("up");
        assertThat(again.output()).as(again.output()).contains("No migrations to apply.");

        CliProcess.Run snapshot = cli("collections");
        assertThat(snapshot.exit()).as(snapshot.output()).isZero();
        Path written = list(migrations).stream().filter(p -> p.toString().endsWith("_collections_snapshot.js"))
                .findFirst().orElseThrow();
        assertThat(Files.readString(written)).contains("\"cli_notes\"", "app.importCollections(snapshot, false)")
                .doesNotContain("_superusers");
        Files.delete(written);

        Path gone = migrations.resolve("9999999999_gone.js");
        Files.writeString(gone, "migrate((app) => {}, (app) => {});\n");
        assertThat(cli("up").output()).contains("Applied 9999999999_gone.js");
        Files.delete(gone);
        CliProcess.Run sync = cli("history-sync");
        assertThat(sync.exit()).as(sync.output()).isZero();
        assertThat(sync.output()).contains("Forgot 9999999999_gone.js");
        assertThat(cli("history-sync").output()).contains("The migrations history is in sync.");

        CliProcess.Run down = cli("down", "1");
        assertThat(down.exit()).as(down.output()).isZero();
        assertThat(down.output()).contains("Reverted " + file.getFileName());
        assertThat(collectionExists("cli_notes")).isFalse();
        CliProcess.Run bad = cli("down", "zero");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.output()).contains("positive number");
    }

    private static List<Path> list(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    private boolean collectionExists(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl, TestDatabase.user(), TestDatabase.password());
             PreparedStatement s = c.prepareStatement("select count(*) from _collections where name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1) == 1;
            }
        }
    }

    private CliProcess process;

    private CliProcess.Run cli(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("migrate");
        command.addAll(List.of(args));
        command.add("--dir=" + dir.resolve("basalt_data"));
        if (process == null) {
            process = new CliProcess(dbUrl, dir, Duration.ofSeconds(120));
        }
        return process.run(command);
    }
}
