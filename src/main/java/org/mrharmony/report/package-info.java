/**
 * Pictures and HTML reports for people who would rather look than read. Plain data in (records),
 * files out; nothing here knows about DJL, models or the command line.
 *
 * <h2>Charts (JFreeChart, PNG)</h2>
 * Build a spec record, turn it into a chart, write it:
 * <pre>{@code
 * JFreeChart chart = CurveChart.create(CurveChartSpec.validationCurve("Validation", "SSIM",
 *     List.of(new Series("StarGAN-TC", steps, ssim)),
 *     List.of(new ReferenceLine("none", 0.48), new ReferenceLine("nyul", 0.88))));
 * ChartFiles.writePng(chart, out.resolve("validation.png"), 640, 380);
 * }</pre>
 * {@link org.mrharmony.report.CurveChart} (training / validation curves, optional log axis),
 * {@link org.mrharmony.report.BoxPlotChart} (a per-subject metric per method),
 * {@link org.mrharmony.report.IntensityHistogramChart} (per-site histograms, before / after panels),
 * {@link org.mrharmony.report.ConfusionMatrixChart} (site classifier).
 *
 * <h2>Slice mosaics (plain images)</h2>
 * {@link org.mrharmony.report.SliceMosaic} draws rows of labelled volumes (source, harmonized,
 * truth, difference) against axial / coronal / sagittal columns, from
 * {@link org.mrharmony.report.RasVolume}s (RAS voxel order, x fastest) or already oriented
 * {@link org.mrharmony.report.OrientedSlice}s.
 *
 * <h2>HTML report</h2>
 * {@link org.mrharmony.report.HtmlReportWriter} writes a folder that opens offline: summary,
 * notes, a metrics table with the best value per row marked, figures, and a synchronised NiiVue
 * viewer of small .nii.gz volumes embedded in the page.
 *
 * <p>All PNG and HTML files are written atomically (temporary file in the same folder, then
 * rename). Rendering runs headless.
 */
package org.mrharmony.report;
