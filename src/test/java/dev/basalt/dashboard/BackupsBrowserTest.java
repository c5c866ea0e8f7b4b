package dev.basalt.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.basalt.BasaltApplication;
import dev.basalt.auth.Superusers;
import dev.basalt.testing.TestClockConfiguration;
import dev.basalt.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The backups screen: create, download, upload, restore (after confirmation) and delete. A restore replaces the whole
 * database and the stored files, so this test runs a server of its own (own database and data directory) instead of
 * the shared one.
 */
class BackupsBrowserTest extends BrowserTest {
    private static final String EMAIL = "backups-admin@example.com";
    private static final String PASSWORD = "backups-password-1";
    @TempDir
    static Path dir;
    private static ConfigurableApplicationContext server;
    private static String base;

    @BeforeAll
    static void start() {
        server = new SpringApplication(BasaltApplication.class, TestClockConfiguration.class).run("--server.port=0",
                "--basalt.dir=" + dir.resolve("data"), "--basalt.db.url=" + TestDatabase.createDatabase(),
                "--basalt.db.user=" + TestDatabase.user(), "--basalt.db.password=" + TestDatabase.password(),
                "--basalt.sign-in-guard.enabled=false", "--logging.level.root=WARN");
        base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
        server.getBean(Superusers.class).upsert(EMAIL, PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void backupsAreCreatedDownloadedUploadedRestoredAndDeleted() throws Exception {
        page.onDialog(d -> d.accept());
        page.navigate(base + "/_/");
        page.getByLabel("Email").fill(EMAIL);
        page.getByLabel("Password").fill(PASSWORD);
        button("Sign in").click();
        navLink("Backups").click();
        assertThat(page.getByText("No backups yet.")).isVisible();
        page.getByLabel("Backup name (optional)").fill("Bad Name");
        button("Create backup").click();
        assertThat(page.getByRole(AriaRole.MAIN).getByRole(AriaRole.ALERT).first()).isVisible();
        page.getByLabel("Backup name (optional)").fill("dash_backup.zip");
        button("Create backup").click();
        Locator cell = page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("dash_backup.zip").setExact(true));
        assertThat(cell).isVisible();

        Download download = page.waitForDownload(() -> button("Download dash_backup.zip").click());
        Path zip = dir.resolve("uploaded_copy.zip");
        download.saveAs(zip);
        assertThat(Files.size(zip)).isPositive();
        page.getByLabel("Backup file (.zip)").setInputFiles(zip);
        button("Upload backup").click();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("uploaded_copy.zip").setExact(true))).isVisible();
        screenshot("backups");

        button("Restore dash_backup.zip").click();
        assertThat(status("Backup dash_backup.zip restored.")).isVisible();
        button("Delete uploaded_copy.zip").click();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("uploaded_copy.zip").setExact(true))).hasCount(0);
        button("Delete dash_backup.zip").click();
        assertThat(cell).hasCount(0);
    }
}
