package io.quarkiverse.live.deployment.devmode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * The dev loop as a user sees it, in headless Chromium with the page open: a saved template and then a saved class show
 * in the page by themselves, with the count kept, and the page is never loaded again (a value the test left in the
 * page's window survives both restarts: the one behind the template, which shows before it, and the class's). Prints how long each took from the save to the new text in the page.
 */
public class DevModeBrowserTest {

    private static final int PORT = freePort();
    private static final LocatorAssertions.ContainsTextOptions RESTART = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(60_000);

    @RegisterExtension
    static final QuarkusDevModeTest test = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClass(DevCounter.class)
                    .addAsResource(new StringAsset("<div><p id=\"count\">Count: {count}</p>"
                            + "<button @click=\"increment\">+</button></div>"), "templates/DevCounter.html")
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"), "application.properties"));

    @Test
    void templateAndClassEditsShowInTheOpenPageWithTheCountKept() {
        Path chromium = Path.of(System.getProperty("live.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("Browser tests need Chromium at " + chromium
                    + ": install Debian's package (apt-get install -y chromium) or set -Dlive.chromium=<path>");
        }
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu",
                                "--disable-background-networking", "--disable-component-update", "--no-first-run")))) {
            Page page = browser.newPage();
            page.navigate("http://localhost:" + PORT + "/dev-counter");
            Locator count = page.locator("#count");
            for (int i = 0; i < 7; i++) {
                page.locator("button").click();
            }
            assertThat(count).hasText("Count: 7");
            // Left in the page's window: gone if the page were loaded again. And the times the component's root was
            // marked disconnected: each restart closes the connection once
            page.evaluate("""
                    () => {
                      window.loadedOnce = 'yes';
                      window.drops = 0;
                      const root = document.querySelector('[data-live-id]');
                      new MutationObserver(() => {
                        if (root.classList.contains('live-disconnected') && !window.down) window.drops++;
                        window.down = root.classList.contains('live-disconnected');
                      }).observe(root, { attributes: true, attributeFilter: ['class'] });
                    }""");

            test.modifyResourceFile("templates/DevCounter.html", html -> html.replace("Count:", "Clicks:"));
            long saved = System.nanoTime();
            assertThat(count).containsText("Clicks: 7", RESTART);
            long template = System.nanoTime() - saved;
            // The template shows before the restart that runs the build's checks; the count survives that too
            page.waitForFunction("() => window.drops >= 1 && !window.down", null,
                    new Page.WaitForFunctionOptions().setTimeout(60_000));
            assertThat(count).hasText("Clicks: 7");

            test.modifySourceFile(DevCounter.class, source -> source.replace("count++;", "count += 10;"));
            saved = System.nanoTime();
            // The old class answers clicks until the restart: click once the page is connected to the new one
            page.waitForFunction("() => window.drops >= 2 && !window.down", null,
                    new Page.WaitForFunctionOptions().setTimeout(60_000));
            page.locator("button").click();
            assertThat(count).containsText("Clicks: 17", RESTART);
            long clazz = System.nanoTime() - saved;
            assertEquals("yes", page.evaluate("window.loadedOnce"), "the page was never loaded again");
            System.out.printf("Dev mode in a browser: template saved -> new text in the page %d ms; class saved -> "
                    + "a click runs the new handler %d ms%n", TimeUnit.NANOSECONDS.toMillis(template),
                    TimeUnit.NANOSECONDS.toMillis(clazz));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
