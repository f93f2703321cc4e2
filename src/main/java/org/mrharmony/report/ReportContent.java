package org.mrharmony.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a report shows, as plain data. {@code notes} are the honest sentences a reader
 * must not miss ("trained 15 min on CPU; the GAN is below histogram matching"); they are shown
 * prominently right after the summary. {@code tables} are further tables shown after the
 * metrics table (e.g. a measure broken down by brain region).
 */
public record ReportContent(String title, String summary, List<String> notes, MetricsTable metrics,
                            List<Table> tables, List<Figure> figures, List<ViewerVolume> viewer) {

    /** A further table with its heading; rows are measures (or regions), columns methods, as the metrics table. */
    public record Table(String heading, MetricsTable table) {

        public Table {
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(table, "table");
        }
    }

    public ReportContent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(metrics, "metrics");
        notes = List.copyOf(notes);
        tables = List.copyOf(tables);
        figures = List.copyOf(figures);
        viewer = List.copyOf(viewer);
        if (viewer.size() > HtmlReportWriter.MAX_VIEWER_VOLUMES) {
            throw new IllegalArgumentException("the viewer shows at most " + HtmlReportWriter.MAX_VIEWER_VOLUMES
                + " volumes, got " + viewer.size());
        }
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Assembles a report piece by piece, in the order a command produces them. */
    public static final class Builder {
        private final String title;
        private String summary = "";
        private final List<String> notes = new ArrayList<>();
        private MetricsTable metrics = MetricsTable.empty();
        private final List<Table> tables = new ArrayList<>();
        private final List<Figure> figures = new ArrayList<>();
        private final List<ViewerVolume> viewer = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder summary(String text) {
            this.summary = text;
            return this;
        }

        public Builder note(String text) {
            notes.add(text);
            return this;
        }

        public Builder metrics(MetricsTable table) {
            this.metrics = table;
            return this;
        }

        public Builder table(String heading, MetricsTable table) {
            tables.add(new Table(heading, table));
            return this;
        }

        public Builder figure(Figure figure) {
            figures.add(figure);
            return this;
        }

        public Builder figure(java.nio.file.Path image, String caption) {
            return figure(new Figure(image, caption));
        }

        public Builder viewerVolume(ViewerVolume volume) {
            viewer.add(volume);
            return this;
        }

        public ReportContent build() {
            return new ReportContent(title, summary, notes, metrics, tables, figures, viewer);
        }
    }
}
