package org.imagelabeler.labeler.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver ({@code apt-get install chromium
 * chromium-driver}, done by {@code ./labeler test}), in a 1280x800 window.
 */
final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path screenshots;
    private int shots;

    BrowserSession(Path screenshots) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(
                    "the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER + ": ./labeler test installs them");
        }
        var options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-dev-shm-usage",
                        "--window-size=1280,800");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        // the app re-renders parts of a screen (tag buttons after a save): look again, then
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.wait.ignoring(StaleElementReferenceException.class);
        this.screenshots = screenshots;
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void gone(String css) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    void waitForAttribute(String css, String attribute, String value) {
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(css), attribute, value));
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Files.write(
                    screenshots.resolve(String.format("%02d-%s.png", ++shots, name)),
                    driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** Lets downloads the app starts (a link's click) land in {@code directory}, as a user's downloads folder. */
    void downloadInto(Path directory) {
        driver.executeCdpCommand(
                "Browser.setDownloadBehavior",
                java.util.Map.of(
                        "behavior",
                        "allow",
                        "downloadPath",
                        directory.toAbsolutePath().toString()));
    }

    /** The zip Chromium finished writing into {@code directory} (see {@link #downloadInto}), within 20 s. */
    static Path downloadedZip(Path directory) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (var listing = Files.list(directory)) {
                var zip = listing.filter(p -> p.toString().endsWith(".zip")).findFirst();
                if (zip.isPresent()) {
                    return zip.get();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no zip was downloaded into " + directory);
    }
}
