package dev.parley.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a real headless Chromium (Debian's chromium and chromedriver), as an administrator uses it.
 * The browser talks to nothing but the test server: every background service of Chromium that would go out is off.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;

    private ConsoleBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static ConsoleBrowser start() {
        for (String program : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!new File(program).canExecute()) {
                throw new IllegalStateException(program + " is missing: apt-get install chromium chromium-driver"
                        + " (./parley test installs them)");
            }
        }
        try {
            Path profile = Files.createTempDirectory("parley-console-chromium");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-default-apps", "--disable-extensions", "--window-size=1400,1000",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            return new ConsoleBrowser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A signed-in administrator on the console's overview page. */
    static ConsoleBrowser signedIn() {
        ConsoleBrowser browser = start();
        browser.open("/");
        browser.signIn(ItEnvironment.ADMIN_USER, System.getProperty(ItEnvironment.ADMIN_PASSWORD));
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));
        return browser;
    }

    static String url(String page) {
        return ParleyHttp.app("/console" + page).toString();
    }

    void open(String page) {
        driver.get(url(page));
    }

    void signIn(String user, String password) {
        await(ExpectedConditions.visibilityOfElementLocated(By.id("j_username"))).sendKeys(user);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.id("sign-in-button")).click();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** Replaces a text field's content. */
    void type(String id, String text) {
        WebElement field = byId(id);
        field.clear();
        field.sendKeys(text);
    }

    <T> T await(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /**
     * Waits until the element {@code id} holds {@code text}, across a page load: while the new page replaces the old,
     * Chromium may name an element of neither, which is no reason to give up.
     */
    void awaitText(String id, String text) {
        await(page -> {
            try {
                return page.findElement(By.id(id)).getText().contains(text);
            } catch (WebDriverException pageChanging) {
                return false;
            }
        });
    }

    /** Clicks a button that asks for confirmation, and confirms. */
    void clickConfirming(WebElement button) {
        button.click();
        await(ExpectedConditions.alertIsPresent()).accept();
    }

    WebDriver driver() {
        return driver;
    }

    String pageSource() {
        return driver.getPageSource();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
