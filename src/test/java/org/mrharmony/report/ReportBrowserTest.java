package org.mrharmony.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report in headless Chromium, from file:// exactly as a user double-clicking
 * it would, and checks that it works offline: the page loads, the metrics table is there,
 * the NiiVue viewer loaded every embedded volume, and no error, console error or unhandled
 * promise rejection happened.
 *
 * <p>Needs the {@code chromium} package. Under CI ({@code CI=true}, where .ci/run installs
 * it) a missing Chromium FAILS the test; on a developer machine without it the test is
 * skipped. Set {@code -Dreport.screenshot=path.png} to also save a screenshot of the page.
 */
class ReportBrowserTest {

    /** Virtual time for the page's scripts: ample for three small volumes on SwiftShader. */
    private static final int VIRTUAL_MILLIS = 15_000;

    /**
     * Injected first into the page's head: records errors (including failed script/image loads,
     * caught in the capture phase), unhandled rejections and console.error calls into an
     * attribute of the root element, which survives into the dumped DOM.
     */
    private static final String PROBE = """
        <script>
        (function () {
          var log = [];
          var root = document.documentElement;
          function record(message) { log.push(String(message)); root.setAttribute('data-probe-errors', JSON.stringify(log)); }
          root.setAttribute('data-probe-errors', '[]');
          window.addEventListener('error', function (e) {
            var target = e.target && (e.target.src || e.target.href);
            record('error: ' + (e.message || ('failed to load ' + target)));
          }, true);
          window.addEventListener('unhandledrejection', function (e) {
            record('unhandled rejection: ' + (e.reason && e.reason.message ? e.reason.message : e.reason));
          });
          var consoleError = console.error;
          console.error = function () {
            record('console.error: ' + Array.prototype.join.call(arguments, ' '));
            return consoleError.apply(console, arguments);
          };
        })();
        </script>
        """;

    @TempDir
    Path dir;

    @Test
    void generatedReportLoadsOfflineWithTheViewerShowingEveryVolumeAndNoErrors() throws Exception {
        HeadlessChromium chromium = chromiumOrSkip();
        ReportContent content = SampleReport.build(dir.resolve("inputs"));
        Path folder = dir.resolve("report");
        Path report = HtmlReportWriter.write(content, folder);
        Path probed = withProbe(report);

        HeadlessChromium.Output run = chromium.dumpDom(probed, VIRTUAL_MILLIS);

        Document dom = Jsoup.parse(run.stdout());
        assertThat(dom.title()).isEqualTo(content.title());
        assertThat(dom.selectFirst("html").attr("data-probe-errors")).as("errors seen by the page").isEqualTo("[]");
        assertThat(dom.select("table.metrics tbody tr")).hasSize(content.metrics().metrics().size());
        assertThat(dom.select("table.metrics td.best")).isNotEmpty();
        Element status = dom.getElementById("viewer-status");
        assertThat(status).isNotNull();
        assertThat(status.attr("data-state")).as("viewer state; message: " + status.text()).isEqualTo("ready");
        assertThat(status.attr("data-volumes-loaded")).isEqualTo(Integer.toString(content.viewer().size()));
        // resource failures Chromium logs itself (e.g. a blocked file:// fetch or a network attempt)
        assertThat(run.stderr()).doesNotContain("Failed to load resource").doesNotContain("net::ERR_")
            .doesNotContain("Uncaught");

        Optional<String> screenshot = Optional.ofNullable(System.getProperty("report.screenshot"));
        if (screenshot.isPresent()) {
            Path png = Path.of(screenshot.get());
            Files.createDirectories(png.toAbsolutePath().getParent());
            chromium.screenshot(report, VIRTUAL_MILLIS, png, 1280, 2600);
            SampleOutput.keep(folder);
        }
    }

    private HeadlessChromium chromiumOrSkip() {
        Optional<HeadlessChromium> chromium = HeadlessChromium.find(dir);
        if (chromium.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("chromium is not installed; CI must have it (.ci/run installs the Debian package 'chromium')");
            }
            Assumptions.abort("chromium is not installed; install the Debian package 'chromium' to run this test");
        }
        return chromium.get();
    }

    /** A copy of the report, next to it so relative paths still resolve, with {@link #PROBE} first in its head. */
    private static Path withProbe(Path report) throws IOException {
        String html = Files.readString(report, StandardCharsets.UTF_8);
        int head = html.indexOf("<head>");
        assertThat(head).isNotNegative();
        String probed = html.substring(0, head + "<head>".length()) + "\n" + PROBE + html.substring(head + "<head>".length());
        Path copy = report.resolveSibling("report-probe.html");
        Files.writeString(copy, probed, StandardCharsets.UTF_8);
        return copy;
    }
}
