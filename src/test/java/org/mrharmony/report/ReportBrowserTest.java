package org.mrharmony.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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

    @TempDir
    Path dir;

    @Test
    void generatedReportLoadsOfflineWithTheViewerShowingEveryVolumeAndNoErrors() throws Exception {
        HeadlessChromium chromium = ReportInBrowser.chromiumOrSkip(dir);
        ReportContent content = SampleReport.build(dir.resolve("inputs"));
        Path folder = dir.resolve("report");
        Path report = HtmlReportWriter.write(content, folder);
        Path probed = ReportInBrowser.withProbe(report);

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
}
