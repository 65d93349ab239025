package vn.truongso.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium as the browser tests drive it, and the few gestures every one of them needs. */
public final class Chromium {

    private Chromium() {
    }

    /** A browser with a window of this size; below 500 px wide a phone is emulated. */
    public static WebDriver start(int width, int height) {
        return start(width, height, null);
    }

    /** As {@link #start(int, int)}, saving downloads into {@code downloads} without asking. */
    public static WebDriver start(int width, int height, Path downloads) {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("truongso-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--lang=vi-VN");
        if (width < 500) {
            // Chromium keeps a desktop window at least 500 px wide, so a phone is emulated: a viewport of this width that
            // honours the page's viewport meta tag, as a phone's browser does.
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 2.0, "mobile", true, "touch", true)));
        }
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                    "download.prompt_for_download", false, "download.directory_upgrade", true, "safebrowsing.enabled", false));
        }
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return driver;
    }

    /** Signs in through the real sign-in form (the caller waits for what the next page should show). */
    public static void signIn(WebDriver browser, String baseUrl, String username, String password) {
        browser.get(baseUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        click(browser, browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")));
    }

    /** Scrolls the element to the middle of the viewport, as a user would, and clicks it. */
    public static void click(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element);
        try {
            element.click();
        } catch (ElementClickInterceptedException coveredForAMoment) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].click()", element);
        }
    }

    /** The page fits the viewport's width: nothing to scroll sideways on a phone. */
    public static void assertNoSidewaysScrolling(WebDriver browser, String where) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long viewport = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
        assertThat(scrollWidth).as("page width (%s)", where).isLessThanOrEqualTo(viewport);
    }
}
