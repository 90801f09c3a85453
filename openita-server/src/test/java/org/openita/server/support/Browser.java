package org.openita.server.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Selenium. The driver path is always given, so Selenium never tries
 * to download one. On CI (CI=true) a missing browser fails the test; elsewhere it skips with a hint.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser open(int width, int height) throws IOException {
        return open(width, height, true);
    }

    /** A browser with JavaScript turned off, as on a phone that has it off or too old a browser for it. */
    public static Browser withoutJavaScript(int width, int height) throws IOException {
        return open(width, height, false);
    }

    /**
     * A browser on a profile folder that outlives it: a second browser opened on the same folder finds what the first
     * kept on the "device" (IndexedDB, service workers and their caches, lasting cookies), as after a phone's restart.
     */
    public static Browser withProfile(int width, int height, Path profile) throws IOException {
        return open(width, height, true, profile);
    }

    private static Browser open(int width, int height, boolean javaScript) throws IOException {
        return open(width, height, javaScript, Files.createTempDirectory("openita-chrome"));
    }

    private static Browser open(int width, int height, boolean javaScript, Path profile) throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("Chromium is not installed; run scripts/install-test-deps.sh (Debian packages chromium, chromium-driver)");
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        if (!javaScript) {
            o.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService.Builder service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort();
        Path fontconfig = thaiFontconfig();
        if (fontconfig != null) {
            service.withEnvironment(java.util.Map.of("FONTCONFIG_FILE", fontconfig.toString()));
        }
        ChromeDriverService svc = service.build();
        ChromeDriver driver = new ChromeDriver(svc, o);
        if (width < DESKTOP_MIN_WIDTH) {
            phone(driver, width, height);
        }
        return new Browser(driver);
    }

    /** Headless Chromium makes no window narrower than this; a narrower size asked for is a phone's screen, emulated. */
    static final int DESKTOP_MIN_WIDTH = 500;

    /**
     * Emulates a phone's screen of {@code width} x {@code height} CSS pixels with its viewport rules (the page's
     * {@code <meta name="viewport">} applies), since a window of that size cannot be made. It holds for every page the
     * tab opens.
     */
    private static void phone(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        // the screen, not the window: a page without a viewport tag (this blank one) is laid out 980 px wide, as on a phone
        Object screen = driver.executeScript("return window.screen.width");
        if (!(screen instanceof Number n) || n.intValue() != width) {
            throw new IllegalStateException("the emulated phone screen is " + screen + " px wide, not " + width);
        }
    }

    /**
     * A fontconfig setup that adds the Sarabun fonts bundled with the reports to the system's, so that screenshots show
     * Thai text on a machine with no Thai font installed (as phones have); null when the fonts are not beside this module.
     */
    private static Path thaiFontconfig() throws IOException {
        Path fonts = Path.of("..", "openita-report", "src", "main", "resources", "fonts", "sarabun").toAbsolutePath().normalize();
        if (!Files.isDirectory(fonts)) {
            return null;
        }
        Path dir = Files.createTempDirectory("openita-chrome-fonts");
        Path conf = dir.resolve("fonts.conf");
        Files.writeString(conf, """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                  <dir>%s</dir>
                  <cachedir>%s</cachedir>
                </fontconfig>
                """.formatted(fonts, dir.resolve("fc-cache")));
        return conf;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Signs in on the server at {@code baseUrl} through its sign-in page, as a person would. */
    public void signIn(String baseUrl, String username, String password) {
        driver.get(baseUrl + "/login");
        driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.cssSelector("form.form button")).click();
        // wait until the browser has left the sign-in page (signed in, or "/login?error"): a page opened before that
        // would cut the sign-in short and be answered as to someone not signed in
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                .until(d -> !(baseUrl + "/login").equals(d.getCurrentUrl()));
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
