package org.mrharmony.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.mrharmony.io.AtomicFiles;

/**
 * Writes a report folder that opens offline by double-clicking {@code report.html}:
 * <pre>
 *   report.html        title, summary, notes, metrics table, figures, viewer
 *   images/            figures copied from elsewhere
 *   volumes/           the viewer's .nii.gz files (also embedded in the page)
 *   niivue/            the vendored NiiVue script and its licence (only with a viewer)
 * </pre>
 * Nothing refers to the network. Viewer volumes are embedded as base64 in the page, because
 * browsers refuse {@code fetch()} of {@code file://} URLs; hence the size limits below.
 * All caller text is HTML-escaped. Files are written atomically; input files are only read.
 */
public final class HtmlReportWriter {

    public static final String REPORT_FILE = "report.html";
    /** Per viewer volume: base64 makes it a third larger in the page, and browsers hold it all in memory. */
    public static final long MAX_VIEWER_VOLUME_BYTES = 16L << 20;
    /** Each panel is a WebGL context; browsers allow roughly 16 per page. */
    public static final int MAX_VIEWER_VOLUMES = 6;

    private HtmlReportWriter() {
    }

    /** Writes the report into {@code folder} (created if needed) and returns the path of {@code report.html}. */
    public static Path write(ReportContent content, Path folder) throws IOException {
        // every input is checked before anything is written: a bad call leaves no half report
        for (Figure figure : content.figures()) {
            if (!Files.isRegularFile(figure.image())) {
                throw new IllegalArgumentException("figure " + figure.image() + ": no such file");
            }
        }
        for (ViewerVolume volume : content.viewer()) {
            ViewerVolumeCheck.check(volume, MAX_VIEWER_VOLUME_BYTES);
        }
        Files.createDirectories(folder);
        ReportAssets assets = new ReportAssets(folder);
        List<String> figureUrls = new ArrayList<>();
        for (Figure figure : content.figures()) {
            figureUrls.add(assets.place(figure.image(), "images"));
        }
        List<String> volumeUrls = new ArrayList<>();
        for (ViewerVolume volume : content.viewer()) {
            volumeUrls.add(assets.place(volume.file(), "volumes"));
        }
        if (!content.viewer().isEmpty()) {
            NiivueBundle.copyInto(folder);
        }
        Path report = folder.resolve(REPORT_FILE);
        AtomicFiles.write(report, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            new Page(content, figureUrls, volumeUrls, writer).write();
            writer.flush();
        });
        return report;
    }

    /** The HTML of one report, written section by section. */
    private record Page(ReportContent content, List<String> figureUrls, List<String> volumeUrls, Writer out) {

        void write() throws IOException {
            out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            out.write("<meta name=\"generator\" content=\"mrharmony report\">\n");
            out.write("<title>" + Html.escape(content.title()) + "</title>\n");
            out.write("<style>\n" + NiivueBundle.text("report.css") + "</style>\n</head>\n<body>\n<main>\n");
            header();
            notes();
            table("metrics", "Metrics", content.metrics());
            for (int i = 0; i < content.tables().size(); i++) {
                ReportContent.Table t = content.tables().get(i);
                table("table-" + (i + 1), t.heading(), t.table());
            }
            figures();
            viewer();
            footer();
            out.write("</main>\n");
            viewerScripts();
            out.write("</body>\n</html>\n");
        }

        private void header() throws IOException {
            out.write("<header>\n<h1>" + Html.escape(content.title()) + "</h1>\n");
            if (!content.summary().isBlank()) {
                out.write("<div class=\"summary\">\n" + Html.paragraphs(content.summary()) + "</div>\n");
            }
            out.write("</header>\n");
        }

        private void notes() throws IOException {
            if (content.notes().isEmpty()) {
                return;
            }
            out.write("<section class=\"notes\" id=\"notes\">\n<h2>Read this first</h2>\n<ul>\n");
            for (String note : content.notes()) {
                out.write("<li>" + Html.escape(note) + "</li>\n");
            }
            out.write("</ul>\n</section>\n");
        }

        private void table(String id, String heading, MetricsTable table) throws IOException {
            if (table.isEmpty()) {
                return;
            }
            out.write("<section id=\"" + id + "\">\n<h2>" + Html.escape(heading)
                + "</h2>\n<table class=\"metrics\">\n<thead><tr><th scope=\"col\">metric</th>");
            for (String method : table.methods()) {
                out.write("<th scope=\"col\">" + Html.escape(method) + "</th>");
            }
            out.write("</tr></thead>\n<tbody>\n");
            for (Metric metric : table.metrics()) {
                Set<String> best = table.best(metric);
                boolean higher = metric.better() == Better.HIGHER;
                out.write("<tr data-better=\"" + (higher ? "higher" : "lower") + "\"><th scope=\"row\">"
                    + Html.escape(metric.name()) + "<span class=\"direction\" title=\""
                    + (higher ? "higher is better\">↑" : "lower is better\">↓") + "</span></th>");
                for (String method : table.methods()) {
                    out.write(cell(metric, method, best.contains(method)));
                }
                out.write("</tr>\n");
            }
            out.write("</tbody>\n</table>\n<p class=\"legend\">↑ higher is better, ↓ lower is better. "
                + "The best value of each row is highlighted (all of them when tied at the precision shown).</p>\n"
                + "</section>\n");
        }

        private static String cell(Metric metric, String method, boolean best) {
            MetricValue value = metric.byMethod().get(method);
            if (value == null || !Double.isFinite(value.value())) {
                return "<td class=\"missing\" data-method=\"" + Html.escape(method) + "\">—</td>";
            }
            String text = Numbers.format(value.value(), metric.decimals());
            if (value.hasSpread()) {
                text += " ± " + Numbers.format(value.spread(), metric.decimals());
            }
            return "<td" + (best ? " class=\"best\" title=\"best in this row\"" : "") + " data-method=\""
                + Html.escape(method) + "\">" + Html.escape(text) + "</td>";
        }

        private void figures() throws IOException {
            if (content.figures().isEmpty()) {
                return;
            }
            out.write("<section id=\"figures\">\n<h2>Figures</h2>\n<div class=\"figures\">\n");
            for (int i = 0; i < content.figures().size(); i++) {
                Figure figure = content.figures().get(i);
                String caption = Html.escape(figure.caption());
                out.write("<figure>\n<img src=\"" + Html.escape(figureUrls.get(i)) + "\" alt=\"" + caption
                    + "\" loading=\"lazy\">\n<figcaption>" + caption + "</figcaption>\n</figure>\n");
            }
            out.write("</div>\n</section>\n");
        }

        private void viewer() throws IOException {
            if (content.viewer().isEmpty()) {
                return;
            }
            out.write("<section id=\"viewer\" class=\"viewer\">\n<h2>Volumes</h2>\n<div class=\"viewer-controls\">"
                + "<span>View:</span>"
                + button("multiplanar", "all three planes", true)
                + button("axial", "axial", false)
                + button("coronal", "coronal", false)
                + button("sagittal", "sagittal", false)
                + button("render", "3D", false)
                + "</div>\n<div class=\"viewer-grid\">\n");
            for (int i = 0; i < content.viewer().size(); i++) {
                ViewerVolume volume = content.viewer().get(i);
                out.write("<div class=\"viewer-panel\">\n<h3>" + Html.escape(volume.label()) + "</h3>\n"
                    + "<div class=\"canvas-box\"><canvas id=\"mrh-canvas-" + i + "\"></canvas></div>\n"
                    + "<a class=\"download\" href=\"" + Html.escape(volumeUrls.get(i)) + "\" download>"
                    + Html.escape(volume.file().getFileName().toString()) + "</a>\n</div>\n");
            }
            out.write("</div>\n<p id=\"viewer-status\" data-state=\"loading\">Loading the viewer…</p>\n"
                + "<p id=\"viewer-location\" class=\"legend\"></p>\n"
                + "<noscript><p>The interactive viewer needs JavaScript; the figures show the same volumes.</p></noscript>\n"
                + "</section>\n");
        }

        private static String button(String view, String text, boolean pressed) {
            return "<button type=\"button\" data-view=\"" + view + "\" aria-pressed=\"" + pressed + "\">" + text
                + "</button>";
        }

        private void footer() throws IOException {
            out.write("<footer>Generated by mrharmony.");
            if (!content.viewer().isEmpty()) {
                out.write(" Volume viewer: NiiVue " + NiivueBundle.VERSION
                    + " (BSD-2-Clause licence in niivue/LICENSE).");
            }
            out.write("</footer>\n");
        }

        /** Volume data first (inert script blocks), then the library, then the viewer that reads both. */
        private void viewerScripts() throws IOException {
            if (content.viewer().isEmpty()) {
                return;
            }
            for (int i = 0; i < content.viewer().size(); i++) {
                ViewerVolume volume = content.viewer().get(i);
                out.write("<script type=\"application/octet-stream\" class=\"mrh-volume\" data-kind=\""
                    + (volume.kind() == ImageKind.DIFFERENCE ? "difference" : "intensity") + "\" data-name=\""
                    + "volume-" + i + ".nii.gz\">\n"); // NiiVue picks its reader by this extension
                // base64 uses only [A-Za-z0-9+/=]: it can never close the script element
                out.write(Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(Files.readAllBytes(volume.file())));
                out.write("\n</script>\n");
            }
            out.write("<script src=\"" + NiivueBundle.FOLDER + "/" + NiivueBundle.SCRIPT + "\"></script>\n");
            out.write("<script>\n" + NiivueBundle.text("viewer.js") + "</script>\n");
        }
    }
}
