package org.acme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium, headless, driven by Playwright. Playwright never downloads a browser here: the executable is
 * {@code /usr/bin/chromium} unless the system property {@code live.chromium} names another.
 */
final class Browser implements AutoCloseable {

    private final Playwright playwright;
    final com.microsoft.playwright.Browser chromium;

    Browser() {
        Path executable = Path.of(System.getProperty("live.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("Browser tests need Chromium at " + executable
                    + ": install Debian's package (apt-get install -y chromium) or set -Dlive.chromium=<path>");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run")));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
