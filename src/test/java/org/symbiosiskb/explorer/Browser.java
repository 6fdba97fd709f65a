package org.symbiosiskb.explorer;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (no browser download): the explorer
 * as a user's browser runs it. Reads the browser console so tests can demand that it stays clean.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("kb.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("kb.chromedriver", "/usr/bin/chromedriver"));
    /** The window a new user on a laptop or an office screen has: the explorer must be legible at this size. */
    static final int WIDTH = 1400;
    static final int HEIGHT = 1000;
    private static final String LAYOUT_CHECK = resource("layout-check.js");

    private final ChromeDriver driver;
    private final String base;
    private int loads;

    /** On CI (CI=true) a missing browser fails the tests; elsewhere they are skipped with how to install it. */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String message = "headless Chromium and chromedriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.assumeTrue(installed, message);
    }

    Browser(int port) {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + WIDTH + "," + HEIGHT, "--lang=en-GB");
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://localhost:" + port;
    }

    /** Loads the page afresh (module state, language included, is read again). */
    void load(String hash) {
        // a new query string, so that the browser loads the page instead of only changing the hash
        driver.get(base + "/?load=" + (++loads) + hash);
        waitForView(null);
    }

    /** Goes to a route in the running page and waits until the view has rendered. */
    void go(String hash) {
        // render() removes data-view first and sets it last, so clearing it here means "wait for the new one"
        // (the same hash again fires no hashchange: the view is asked to render again as the page would on a reload)
        js("""
                document.getElementById('view').removeAttribute('data-view');
                const before = location.href;
                location.hash = arguments[0];
                if (location.href === before) window.dispatchEvent(new HashChangeEvent('hashchange'));""", hash);
        waitForView(null);
    }

    /** Waits for the view to finish; returns its name (error when it failed). */
    String waitForView(String expected) {
        String view = new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            String v = d.findElement(By.id("view")).getAttribute("data-view");
            return v == null || v.isEmpty() ? null : v;
        });
        if (expected != null && !expected.equals(view)) {
            fail("expected view " + expected + ", got " + view + ": " + driver.findElement(By.id("view")).getText());
        }
        return view;
    }

    /** Chooses an option of a select as a user does; the view re-renders. */
    void choose(String selectId, String value) {
        js("document.getElementById('view').removeAttribute('data-view');");
        new Select(driver.findElement(By.id(selectId))).selectByValue(value);
        waitForView(null);
    }

    /**
     * Clicks a button that saves and renders the view again (the calculator's Save); waits for the new view, and fails
     * with the page's own message when the save was refused instead.
     */
    void clickAndWaitForView(By button) {
        js("document.getElementById('view').removeAttribute('data-view');");
        driver.findElement(button).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            String view = d.findElement(By.id("view")).getAttribute("data-view");
            var failed = d.findElements(By.cssSelector("#save-status.error"));
            if (!failed.isEmpty()) {
                fail("the page refused to save: " + failed.getFirst().getText());
            }
            return view == null || view.isEmpty() ? null : view;
        });
    }

    void language(String lang) {
        if (!lang.equals(new Select(driver.findElement(By.id("lang"))).getFirstSelectedOption().getAttribute("value"))) {
            choose("lang", lang);
        }
    }

    List<WebElement> rows(String tableId) {
        return driver.findElements(By.cssSelector("#" + tableId + " tbody tr"));
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A script that ends by calling its last argument with the result (for promises: dynamic imports, fetches). */
    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** The console entries at SEVERE since the last call (the log is drained by reading it). */
    List<LogEntry> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    /** The whole page down to the footer, through Chrome's own capture (beyond the window's height). */
    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Number height = (Number) js("""
                document.activeElement?.blur(); // no focus ring left by the test
                return Math.ceil(document.querySelector('footer').getBoundingClientRect().bottom + window.scrollY + 8);""");
        Number width = (Number) js("return document.documentElement.clientWidth");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(5000, height.intValue()), "scale", 1)));
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    /**
     * What a reader would find cut off or drawn over in the current view (layout-check.js): boxes whose content is
     * wider than they are (a table's also taller), chart texts reaching outside their canvas, overlapping chart texts.
     */
    @SuppressWarnings("unchecked")
    List<String> layoutProblems() {
        return (List<String>) js(LAYOUT_CHECK);
    }

    /** The texts a chart draws (labels, axis labels, legend), one per line of text, in drawing order. */
    @SuppressWarnings("unchecked")
    List<String> chartTexts(String chartId) {
        return (List<String>) js("""
                return echarts.getInstanceByDom(document.getElementById(arguments[0])).getZr().storage.getDisplayList(true)
                  .filter((el) => (el.type === 'tspan' || el.type === 'text') && el.style?.text && !el.invisible && !el.ignore)
                  .map((el) => String(el.style.text));""", chartId);
    }

    private static String resource(String name) {
        try (var in = Browser.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebElement active() {
        return driver.switchTo().activeElement();
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
