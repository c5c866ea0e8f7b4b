package dev.basalt.dashboard;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.basalt.testing.ApiTest;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * Base of the dashboard's browser tests: Debian's Chromium ({@value #CHROMIUM}) driven by Playwright for Java,
 * headless, one browser per test JVM and a fresh context (empty localStorage) per test. Tests find elements by
 * role and label only, as a user of a screen reader would. Tagged "browser" so CI's second pass (the database tests
 * against the machine's PostgreSQL) leaves them out: they test the page, not the database.
 */
@Tag("browser")
// A context of their own: the browser compares token expiries with its real clock, and the shared API test
// context's TestClock may have been moved forward by other test classes. The batch limit set in the configuration
// (equal to the default) shows the settings screen's read-only env override.
@org.springframework.test.context.TestPropertySource(properties = {"basalt.test.context=browser",
    "basalt.batch.max-requests=50"})
abstract class BrowserTest extends ApiTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final Path SCREENSHOTS = Paths.get("target", "dashboard-screenshots");
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    protected Page page;

    /**
     * One driver and browser for the whole test JVM (each Playwright.create() unpacks its driver again), closed when
     * the JVM exits.
     */
    @BeforeAll
    static synchronized void launch() {
        if (browser == null) {
            playwright = Playwright.create();
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(CHROMIUM)).setHeadless(true).setArgs(CHROMIUM_ARGS));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(WIDTH, HEIGHT)
                .setBaseURL(baseUrl()));
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    /** Signs in through the sign-in form as the test superuser and waits for the collections screen. */
    protected void signIn() {
        page.navigate("/_/");
        page.getByLabel("Email").fill(SUPERUSER_EMAIL);
        page.getByLabel("Password").fill(SUPERUSER_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Collections")).waitFor();
    }

    /** The button with exactly this accessible name. */
    protected com.microsoft.playwright.Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The link with exactly this accessible name. */
    protected com.microsoft.playwright.Locator navLink(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The toast or inline status that reads this text. */
    protected com.microsoft.playwright.Locator status(String text) {
        return page.getByRole(AriaRole.STATUS).filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(text));
    }

    /** Saves a screenshot of the page under target/dashboard-screenshots. */
    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }
}
