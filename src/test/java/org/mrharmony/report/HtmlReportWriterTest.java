package org.mrharmony.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void bestValueIsMarkedInTheMetricsDirection() throws IOException {
        MetricsTable table = new MetricsTable(List.of("none", "nyul", "gan"), List.of(
            Metric.of("SSIM", Better.HIGHER, values("none", 0.48, "nyul", 0.88, "gan", 0.64)),
            Metric.of("MAE", Better.LOWER, values("none", 0.21, "nyul", 0.09, "gan", 0.05)),
            // equal at three decimals: both are best, as the reader cannot tell them apart
            Metric.of("PSNR", Better.HIGHER, values("none", 20.0, "nyul", 27.1231, "gan", 27.1234)),
            // one value only: nothing to compare against
            Metric.of("classifier accuracy", Better.LOWER, values("gan", 0.3))));

        Document page = parse(HtmlReportWriter.write(ReportContent.builder("t").metrics(table).build(), dir));

        assertThat(bestMethods(page, "SSIM")).containsExactly("nyul");
        assertThat(bestMethods(page, "MAE")).containsExactly("gan");
        assertThat(bestMethods(page, "PSNR")).containsExactly("nyul", "gan");
        assertThat(bestMethods(page, "classifier accuracy")).isEmpty();
        assertThat(row(page, "MAE").attr("data-better")).isEqualTo("lower");
        assertThat(row(page, "classifier accuracy").select("td.missing")).hasSize(2);
        assertThat(row(page, "SSIM").select("td").eachText()).containsExactly("0.480", "0.880", "0.640");
    }

    @Test
    void spreadsAreShownAfterTheValue() throws IOException {
        Map<String, MetricValue> cells = new LinkedHashMap<>();
        cells.put("a", MetricValue.of(0.8812, 0.0312));
        MetricsTable table = new MetricsTable(List.of("a"), List.of(new Metric("SSIM", Better.HIGHER, 2, cells)));

        Document page = parse(HtmlReportWriter.write(ReportContent.builder("t").metrics(table).build(), dir));

        assertThat(row(page, "SSIM").select("td").text()).isEqualTo("0.88 ± 0.03");
    }

    @Test
    void allCallerTextIsEscaped() throws IOException {
        String hostile = "<script>alert(\"x\")</script> & 'co'";
        Path image = dir.resolve("in").resolve("plot.png");
        Files.createDirectories(image.getParent());
        Files.write(image, new byte[] {1, 2, 3});
        MetricsTable table = new MetricsTable(List.of("A<B"), List.of(Metric.of("x<y>", Better.LOWER, values("A<B", 1.0))));
        ReportContent content = ReportContent.builder(hostile)
            .summary(hostile)
            .note("<b>bold</b> & \"quoted\"")
            .metrics(table)
            .figure(image, "<img src=x onerror=alert(1)>")
            .build();

        Path report = HtmlReportWriter.write(content, dir.resolve("out"));

        String html = Files.readString(report);
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>bold").doesNotContain("<img src=x");
        Document page = Jsoup.parse(html);
        assertThat(page.title()).isEqualTo(hostile);
        assertThat(page.selectFirst("h1").text()).isEqualTo(hostile);
        assertThat(page.selectFirst(".notes li").text()).isEqualTo("<b>bold</b> & \"quoted\"");
        assertThat(page.select("table.metrics thead th").eachText()).containsExactly("metric", "A<B");
        assertThat(page.selectFirst("figcaption").text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(page.select("script")).isEmpty(); // no viewer, so no script at all
        assertThat(page.select("img")).hasSize(1);
    }

    @Test
    void htmlEscapeCoversTheFiveSpecialCharacters() {
        assertThat(Html.escape("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f");
        assertThat(Html.paragraphs("one\ntwo\n\nthree <x>")).isEqualTo("<p>one<br>two</p>\n<p>three &lt;x&gt;</p>\n");
    }

    @Test
    void theFolderIsSelfContainedAndOnlyRelativeReferencesAreUsed() throws Exception {
        Path inputs = dir.resolve("inputs");
        ReportContent content = SampleReport.build(inputs);
        Path folder = dir.resolve("report");

        Path report = HtmlReportWriter.write(content, folder);

        Document page = parse(report);
        List<String> references = Stream.concat(page.select("[src]").eachAttr("src").stream(),
            page.select("[href]").eachAttr("href").stream()).toList();
        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(reference).doesNotContain(":").doesNotStartWith("/");
            assertThat(folder.resolve(URLDecoder.decode(reference, StandardCharsets.UTF_8))).isRegularFile();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        Pattern url = Pattern.compile("https?://");
        Path vendored = folder.resolve("niivue").resolve("niivue.umd.js");
        for (Path file : files) {
            assertThat(file.getFileName().toString()).doesNotEndWith(".tmp");
            if (file.equals(vendored)) {
                continue; // checked below: the unmodified vendored library
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            Matcher matcher = url.matcher(text);
            assertThat(matcher.find()).as("URL in " + folder.relativize(file)).isFalse();
        }
        assertThat(Files.readAllBytes(vendored)).isEqualTo(NiivueBundle.resource("niivue.umd.js"));
        assertThat(sha256(vendored)).isEqualTo(readmeChecksum());
        assertThat(folder.resolve("niivue").resolve("LICENSE")).content().contains("BSD 2-Clause");
        // inputs were copied, not moved
        assertThat(inputs.resolve("mosaic.png")).isRegularFile();
        assertThat(folder.resolve("images").resolve("mosaic.png")).hasSameBinaryContentAs(inputs.resolve("mosaic.png"));
        assertThat(folder.resolve("volumes").resolve("truth.nii.gz")).isRegularFile();
        assertThat(page.select("script.mrh-volume")).hasSize(4);
        assertThat(page.select("script.mrh-volume").eachAttr("data-kind"))
            .containsExactly("intensity", "intensity", "intensity", "difference");
        assertThat(page.select("canvas")).hasSize(4);
    }

    @Test
    void figuresAlreadyInsideTheFolderAreUsedInPlaceAndNameClashesAreNumbered() throws IOException {
        Path folder = dir.resolve("report");
        Path inside = folder.resolve("plots").resolve("a b.png");
        Files.createDirectories(inside.getParent());
        Files.write(inside, new byte[] {1});
        Path elsewhere1 = dir.resolve("x").resolve("curve.png");
        Path elsewhere2 = dir.resolve("y").resolve("curve.png");
        Files.createDirectories(elsewhere1.getParent());
        Files.createDirectories(elsewhere2.getParent());
        Files.write(elsewhere1, new byte[] {2});
        Files.write(elsewhere2, new byte[] {3});
        ReportContent content = ReportContent.builder("t").figure(inside, "in place").figure(elsewhere1, "one")
            .figure(elsewhere2, "two").build();

        Document page = parse(HtmlReportWriter.write(content, folder));

        assertThat(page.select("img").eachAttr("src")).containsExactly("plots/a%20b.png", "images/curve.png",
            "images/curve-2.png");
        assertThat(folder.resolve("images").resolve("curve-2.png")).hasBinaryContent(new byte[] {3});
        assertThat(folder.resolve("niivue")).doesNotExist(); // no viewer, no library
    }

    @Test
    void badViewerVolumesAreRefusedWithTheFileNamed() throws IOException {
        Path notGzip = dir.resolve("plain.nii.gz");
        Files.write(notGzip, new byte[400]);
        assertThatThrownBy(() -> write(ViewerVolume.intensity("v", notGzip)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(notGzip.toString()).hasMessageContaining("not a gzip-compressed NIfTI");

        Path gzipNotNifti = dir.resolve("text.nii.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzipNotNifti))) {
            out.write("hello, this is not a NIfTI header".getBytes(StandardCharsets.US_ASCII));
        }
        assertThatThrownBy(() -> write(ViewerVolume.intensity("v", gzipNotNifti)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sizeof_hdr");

        Path huge = dir.resolve("huge.nii.gz");
        Files.write(huge, new byte[(int) HtmlReportWriter.MAX_VIEWER_VOLUME_BYTES + 1]);
        assertThatThrownBy(() -> write(ViewerVolume.intensity("v", huge)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("downsample");

        Path missing = dir.resolve("missing.nii.gz");
        assertThatThrownBy(() -> write(ViewerVolume.intensity("v", missing)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing + ": no such file");
        assertThat(dir.resolve("out")).doesNotExist(); // refused before anything was written
    }

    @Test
    void aMissingFigureIsNamedInTheError() {
        Path missing = dir.resolve("nope.png");
        assertThatThrownBy(() -> HtmlReportWriter.write(ReportContent.builder("t").figure(missing, "c").build(),
            dir.resolve("out"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aMetricForAnUnknownMethodIsRejected() {
        assertThatThrownBy(() -> new MetricsTable(List.of("a"), List.of(Metric.of("m", Better.HIGHER, values("b", 1.0)))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b'");
    }

    private void write(ViewerVolume volume) throws IOException {
        HtmlReportWriter.write(ReportContent.builder("t").viewerVolume(volume).build(), dir.resolve("out"));
    }

    private static Map<String, Double> values(Object... methodValuePairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < methodValuePairs.length; i += 2) {
            map.put((String) methodValuePairs[i], (Double) methodValuePairs[i + 1]);
        }
        return map;
    }

    private static Document parse(Path report) throws IOException {
        return Jsoup.parse(report.toFile(), "UTF-8");
    }

    private static Element row(Document page, String metric) {
        for (Element row : page.select("table.metrics tbody tr")) {
            if (row.selectFirst("th").ownText().equals(metric)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + metric);
    }

    private static List<String> bestMethods(Document page, String metric) {
        return row(page, metric).select("td.best").eachAttr("data-method");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static String readmeChecksum() throws IOException {
        String readme = new String(NiivueBundle.resource("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("`([0-9a-f]{64})`").matcher(readme);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
