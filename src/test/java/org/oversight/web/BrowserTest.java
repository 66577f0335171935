package org.oversight.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.oversight.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real headless Chromium (Debian's chromium and chromium-driver; nothing is downloaded) against the running app.
 * Screenshots of each checked page go to target/screenshots.
 */
abstract class BrowserTest extends IntegrationTest {

    static WebDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        String chromedriver = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        String chromium = System.getProperty("oversight.chromium", "/usr/bin/chromium");
        assertThat(Path.of(chromedriver)).as("chromium-driver must be installed (bin/test installs it)").exists();
        assertThat(Path.of(chromium)).as("chromium must be installed (bin/test installs it)").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,1024");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(chromedriver).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void open(String path) {
        driver.get(url(path));
    }

    void signIn(String username) {
        open("/logout-form-free");
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        clickAndWait(By.id("sign-in"));
        String who = driver.findElement(By.id("signed-in-as")).getText();
        assertThat(who).as("the header names the person, not their username").startsWith("Signed in as ").isNotEqualTo("Signed in as " + username);
    }

    /** Clicks something that loads a new page, and waits until the new page has replaced the old one. */
    void clickAndWait(By by) {
        org.openqa.selenium.WebElement old = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> gone(old));
    }

    /**
     * Whether the old page's element has left the document. Chrome may say so, mid-navigation, with a plain
     * WebDriverException ("Node with given id does not belong to the document") rather than a stale-element one.
     */
    static boolean gone(org.openqa.selenium.WebElement old) {
        try {
            old.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("does not belong to the document") || message.contains("No node with given id")) {
                return true;
            }
            throw e;
        }
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** axe-core against WCAG 2.2 A and AA; zero violations allowed. */
    void assertAccessible(String name) {
        screenshot(name);
        // a long result page (hundreds of table rows) can take axe well over its default 30 s on a busy machine
        Results results = new AxeBuilder().setTimeout(180)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")).analyze(driver);
        List<Rule> violations = results.getViolations();
        assertThat(violations).as("axe violations on %s (%s): %s", name, driver.getCurrentUrl(),
                violations.stream().map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream()
                        .map(n -> n.getTarget().toString()).collect(Collectors.joining(", "))).collect(Collectors.joining("; ")))
                .isEmpty();
        assertThat(results.getPasses()).as("axe ran its checks on %s (%s)", name, results.getErrorMessage()).isNotEmpty();
    }

    void screenshot(String name) {
        try {
            Path dir = Path.of("target/screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * axe-core finds nothing, no font or other file the page asked for failed, and at 1280 px and 375 px no element
     * reaches past the main column (except inside a box that scrolls) and the page never scrolls sideways.
     */
    void assertFits(String name) {
        assertAccessible(name);
        @SuppressWarnings("unchecked")
        List<String> failed = (List<String>) ((JavascriptExecutor) driver).executeScript("""
                return performance.getEntriesByType('resource')
                  .filter(e => e.responseStatus !== undefined && e.responseStatus >= 400).map(e => e.name + ' ' + e.responseStatus);""");
        assertThat(failed).as("failed requests on %s", name).isEmpty();
        for (int width : new int[] {1280, 375}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            @SuppressWarnings("unchecked")
            List<String> overflowing = (List<String>) ((JavascriptExecutor) driver).executeScript("""
                    const main = document.getElementById('main-content');
                    const edge = main.getBoundingClientRect().right + 1;
                    const out = [];
                    for (const el of main.querySelectorAll('*')) {
                      const r = el.getBoundingClientRect();
                      if (r.width === 0 || r.height === 0 || r.right <= edge) continue;
                      // GOV.UK's grid rows and button groups reach 15 px past the column on purpose (their children do not).
                      // A grid column's padding sits in that gutter too: what counts is where its content ends.
                      const cs = getComputedStyle(el);
                      const margin = parseFloat(cs.marginRight);
                      if (margin < 0 && r.right + margin <= edge) continue;
                      if (r.right - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth) <= edge) continue;
                      let scrolled = false;
                      for (let p = el.parentElement; p && p !== main; p = p.parentElement) {
                        const o = getComputedStyle(p).overflowX;
                        if (o === 'auto' || o === 'scroll' || o === 'hidden') { scrolled = true; break; }
                      }
                      if (!scrolled) out.push(el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className + ' right=' + Math.round(r.right));
                    }
                    if (document.documentElement.scrollWidth > window.innerWidth) out.push('page scrolls sideways: ' + document.documentElement.scrollWidth);
                    // A box that does scroll sideways is reached by keyboard and named, as GOV.UK advises for wide tables.
                    for (const el of main.querySelectorAll('*')) {
                      const o = getComputedStyle(el).overflowX;
                      if ((o === 'auto' || o === 'scroll') && el.scrollWidth > el.clientWidth + 1
                          && !(el.getAttribute('tabindex') === '0' && el.getAttribute('role') === 'region'
                               && (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')))) {
                        out.push('scrolling box without tabindex="0", role="region" and a label: ' + el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className);
                      }
                    }
                    return out;""");
            assertThat(overflowing).as("elements past the main column of %s at %d px", name, width).isEmpty();
            screenshot(name + "-" + width);
        }
        driver.manage().window().setSize(new Dimension(1280, 1024));
    }
}
