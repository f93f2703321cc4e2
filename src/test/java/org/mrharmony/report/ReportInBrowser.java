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

/**
 * Opening a generated report in headless Chromium and checking it worked offline, for any test
 * that writes a report (the report writer's own test and the commands that produce reports).
 */
public final class ReportInBrowser {

    /**
     * Injected first into the page's head: records errors (including failed script/image loads,
     * caught in the capture phase), unhandled rejections and console.error calls into an
     * attribute of the root element, which survives into the dumped DOM.
     */
    static final String PROBE = """
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

    private ReportInBrowser() {
    }

    /**
     * Chromium, or the test is skipped; under CI ({@code CI=true}, where .ci/run installs it) a
     * missing Chromium fails the test instead.
     */
    public static HeadlessChromium chromiumOrSkip(Path workDir) {
        Optional<HeadlessChromium> chromium = HeadlessChromium.find(workDir);
        if (chromium.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("chromium is not installed; CI must have it (.ci/run installs the Debian package 'chromium')");
            }
            Assumptions.abort("chromium is not installed; install the Debian package 'chromium' to run this test");
        }
        return chromium.get();
    }

    /** A copy of the report, next to it so relative paths still resolve, with {@link #PROBE} first in its head. */
    public static Path withProbe(Path report) throws IOException {
        String html = Files.readString(report, StandardCharsets.UTF_8);
        int head = html.indexOf("<head>");
        assertThat(head).isNotNegative();
        String probed = html.substring(0, head + "<head>".length()) + "\n" + PROBE + html.substring(head + "<head>".length());
        Path copy = report.resolveSibling("report-probe.html");
        Files.writeString(copy, probed, StandardCharsets.UTF_8);
        return copy;
    }

    /**
     * Opens {@code report} offline and asserts it rendered: no error seen by the page or logged by
     * Chromium, and the viewer (when the page has one) loaded {@code viewerVolumes} volumes.
     *
     * @return the DOM after the scripts ran, for further checks
     */
    public static Document assertRendersWithoutErrors(Path report, Path workDir, int viewerVolumes, int virtualMillis)
            throws IOException, InterruptedException {
        HeadlessChromium chromium = chromiumOrSkip(workDir);
        HeadlessChromium.Output run = chromium.dumpDom(withProbe(report), virtualMillis);
        Document dom = Jsoup.parse(run.stdout());
        assertThat(dom.selectFirst("html").attr("data-probe-errors")).as("errors seen by the page").isEqualTo("[]");
        Element status = dom.getElementById("viewer-status");
        if (viewerVolumes > 0) {
            assertThat(status).isNotNull();
            assertThat(status.attr("data-state")).as("viewer state; message: " + status.text()).isEqualTo("ready");
            assertThat(status.attr("data-volumes-loaded")).isEqualTo(Integer.toString(viewerVolumes));
        }
        assertThat(run.stderr()).doesNotContain("Failed to load resource").doesNotContain("net::ERR_")
            .doesNotContain("Uncaught");
        return dom;
    }
}
