package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.RunningBlog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The blog in a real browser: Chromium driven through ChromeDriver (Debian's in CI), both found on the PATH; where
 * they are absent the test is skipped and says so, unless browser tests are required (see {@link Chromium}).
 * Registers (the first user is the admin), logs out, logs in again through the login form, writes a post, comments on
 * it, logs out, and saves screenshots of the post, the home page and the logged-out home page under
 * {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserEndToEndTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private RunningBlog blog;
    private WebDriver driver;
    private Path profile;

    @BeforeAll
    void startBlogAndBrowser() throws IOException {
        Chromium chromium = Chromium.forThisRun();
        blog = RunningBlog.start(Dialect.SQLITE, "BrowserEndToEndTest");
        profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.browser().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--window-size=1280,1600",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (blog != null) {
                blog.close();
            }
        }
    }

    @Test
    void shouldRegisterLogOutLogInAsAdminWriteAPostCommentOnItAndLogOut() throws IOException {
        open("/register");
        type("name", "Ada Lovelace");
        type("email", "ada@example.org");
        type("password", "analytical engine");
        submit();
        waitForText("Log out");

        logOut();

        // Back in through the login form, as the admin comes back another day.
        driver.findElement(By.cssSelector(".site-nav a[href='/login']")).click();
        waitForText("Welcome back");
        type("email", "ada@example.org");
        type("password", "analytical engine");
        submit();
        waitForText("Log out");
        assertThat(driver.findElements(By.cssSelector(".site-nav a[href='/new-post']")))
                .as("the first registered user is the admin")
                .isNotEmpty();

        driver.findElement(By.cssSelector(".site-nav a[href='/new-post']")).click();
        type("title", "Notes on the Analytical Engine");
        type("subtitle", "What a machine that weaves algebra can do");
        type(
                "body",
                "The engine **weaves algebraic patterns** just as the Jacquard loom weaves flowers and leaves."
                        + "\n\n> It can do whatever we know how to order it to perform.\n\n"
                        + "A second paragraph, so the page reads like a post. <script>alert('x')</script>");
        submit();
        waitForText("weaves algebraic patterns");
        assertThat(driver.getPageSource()).doesNotContain("alert('x')");
        String postUrl = driver.getCurrentUrl();

        type("comment_text", "A *wonderful* read. The loom comparison makes it click.");
        submit(".comment-form");
        waitForText("The loom comparison makes it click.");
        assertThat(driver.getCurrentUrl()).startsWith(postUrl).contains("#comment-");
        assertThat(driver.findElement(By.cssSelector(".comment .commenter")).getText())
                .isEqualTo("Ada Lovelace");
        // The redirect lands on the new comment; the screenshot shows the whole page from its top.
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        screenshot("post.png");

        open("/");
        assertThat(driver.findElements(By.className("post-preview"))).hasSize(1);
        screenshot("home.png");

        logOut();
        screenshot("logged-out.png");
    }

    private void logOut() {
        driver.findElement(By.cssSelector(".site-nav button[type=submit]")).click();
        waitForText("href=\"/login\"");
        assertThat(driver.getPageSource()).doesNotContain("Log out");
    }

    private void open(String path) {
        driver.get(blog.uri().resolve(path).toString());
    }

    private void type(String name, String text) {
        WebElement field = driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(text);
    }

    /** Submits the form of the main column (not the admin's delete form). */
    private void submit() {
        submit("main form.form");
    }

    private void submit(String form) {
        driver.findElement(By.cssSelector(form + " button[type=submit]")).click();
    }

    private void waitForText(String text) {
        // The page source, not the rendered text: the navigation is upper-cased by CSS.
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.getPageSource().contains(text));
    }

    private void screenshot(String name) throws IOException {
        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name), png);
    }
}
