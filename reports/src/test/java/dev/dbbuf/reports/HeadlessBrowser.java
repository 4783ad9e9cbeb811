package dev.dbbuf.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, headless: opens a page from disk and returns the DOM after its scripts ran. A fresh profile each
 * time, and no background services, sync or component updates.
 */
final class HeadlessBrowser {

    private static final long TIMEOUT_SECONDS = 120;
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome");

    private HeadlessBrowser() {
    }

    /**
     * The rendered DOM of a page.
     *
     * @param page     the HTML file
     * @param fragment the part after '#' (Allure's route, e.g. "suites"), or ""
     * @return the serialized DOM
     * @throws IOException if the browser cannot be started
     * @throws InterruptedException if interrupted while waiting
     */
    static String dumpDom(final Path page, final String fragment) throws IOException, InterruptedException {
        final var found = CANDIDATES.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst();
        final String missing = "the report test needs Chromium: apt-get install -y chromium (looked at " + CANDIDATES
            + ")";
        if (found.isEmpty() && !"true".equals(System.getenv("CI"))) {
            // a first run on a machine with only a JDK still produces the report; CI (CI=true) installs Chromium
            Assumptions.abort(missing + "; the report was generated but not opened in a browser");
        }
        final String browser = found.orElseThrow(() -> new AssertionError(missing));
        final Path profile = Files.createTempDirectory("dbbuf-chromium-");
        final Path dom = Files.createTempFile("dbbuf-dom-", ".html");
        try {
            final Process process = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--virtual-time-budget=15000", "--dump-dom",
                page.toUri() + (fragment.isEmpty() ? "" : "#" + fragment))
                .redirectOutput(dom.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Chromium did not render " + page + " within " + TIMEOUT_SECONDS + " s");
            }
            return Files.readString(dom, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(dom);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The visible text of a DOM: no scripts, styles or tags, whitespace collapsed.
     *
     * @param dom serialized DOM
     * @return its text
     */
    static String text(final String dom) {
        return dom.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
            .replaceAll("<[^>]+>", " ").replace("&nbsp;", " ").replace("&amp;", "&").replaceAll("\\s+", " ");
    }
}
