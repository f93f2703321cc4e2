package org.mrharmony.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mrharmony.io.AtomicFiles;
import org.mrharmony.volume.Volume;

/**
 * Everything {@link Evaluation} measured, plus what a report shows of it.
 *
 * @param target       the site everything was harmonized to
 * @param sites        the cohort's sites, in order
 * @param rows         one per (method, test subject, source site)
 * @param methods      per-method summaries, in the order run
 * @param classifier   how well the site classifier tells unharmonized test scans apart
 * @param intensities  brain intensities (subsampled) per method, then per site: the method's output for
 *                     source sites, the real target-site scans under the target's name
 * @param example      one scan through every method, for figures and the viewer
 * @param ganModels    the GAN models evaluated ({@code gan} and each compared {@code gan_<name>})
 * @param regionNames  the atlas regions measured by any method, by number (empty without an atlas)
 */
public record EvaluationResult(String target, List<String> sites, List<EvaluationRow> rows,
                               List<MethodMetrics> methods, ClassifierCheck classifier,
                               Map<String, Map<String, float[]>> intensities, Example example,
                               List<GanModel> ganModels, Map<Integer, String> regionNames) {

    public EvaluationResult {
        ganModels = List.copyOf(ganModels);
        regionNames = Collections.unmodifiableMap(new TreeMap<>(regionNames));
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The site classifier on unharmonized test scans of every site (the target's included).
     *
     * @param lossCurve training cross-entropy averaged over ten equal stretches of the steps
     * @param confusion rows: true site, columns: predicted site
     */
    public record ClassifierCheck(String architecture, int steps, int patch, double finalLoss, double[] lossCurve,
                                  double testAccuracy, long[][] confusion) {
    }

    /**
     * A GAN model as evaluated.
     *
     * @param method   its method id ({@code gan} or {@code gan_<name>})
     * @param dir      the model directory
     * @param lambdaTc the weight of the temporal coherence loss it was trained with (NaN: not recorded)
     * @param step     training iterations completed
     */
    public record GanModel(String method, String dir, double lambdaTc, long step) {
    }

    /** One subject's scan from one source site, its truth at the target site and every method's output. */
    public record Example(String subject, String sourceSite, Volume source, Volume truth, Volume labels,
                          Map<String, Volume> harmonized) {
    }

    public MethodMetrics method(String id) {
        return methods.stream().filter(m -> m.method().equals(id)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("method " + id + " was not evaluated"));
    }

    /** The rows of one method. */
    public List<EvaluationRow> rows(String method) {
        return rows.stream().filter(r -> r.method().equals(method)).toList();
    }

    /**
     * {@code metrics.json}: one object per method keyed by its id, and {@code _run} describing the
     * run (with {@code runExtras} added to it).
     */
    public ObjectNode toJson(Map<String, Object> runExtras) {
        ObjectNode root = JSON.createObjectNode();
        for (MethodMetrics m : methods) {
            ObjectNode o = root.putObject(m.method());
            o.put("ssim", m.ssim());
            o.put("psnr", m.psnr());
            o.put("mae", m.mae());
            o.put("site_accuracy", m.siteAccuracy());
            o.put("site_fid", m.siteFid());
            o.put("gm_dice", m.gmDice());
            o.put("wm_dice", m.wmDice());
            o.put("thickness_mae_mm", m.thicknessMaeMm());
            o.put("coherence", m.coherence());
            o.put("ssim_sd", m.ssimSd());
            o.put("psnr_sd", m.psnrSd());
            o.put("mae_sd", m.maeSd());
            o.put("gm_dice_sd", m.gmDiceSd());
            o.put("wm_dice_sd", m.wmDiceSd());
            o.put("csf_dice", m.csfDice());
            o.put("thickness_mae_mm_sd", m.thicknessMaeMmSd());
            o.put("coherence_sd", m.coherenceSd());
            o.put("target_rate", m.targetRate());
            o.put("gm_dice_truth", m.gmDiceTruth());
            o.put("wm_dice_truth", m.wmDiceTruth());
            o.put("thickness_truth_mae_mm", m.thicknessTruthMaeMm());
            o.put("w1", m.w1());
            ObjectNode w1 = o.putObject("w1_by_site");
            m.w1BySite().forEach(w1::put);
            o.put("gm_volume_ml", m.gmVolumeMl());
            o.put("wm_volume_ml", m.wmVolumeMl());
            o.put("csf_volume_ml", m.csfVolumeMl());
            o.put("volume_error_pct", m.volumeErrorPct());
            o.put("volume_error_pct_sd", m.volumeErrorPctSd());
            o.put("volume_change_pct", m.volumeChangePct());
            if (!regionNames.isEmpty()) {
                o.put("thickness_region_mae_mm", m.thicknessRegionMaeMm());
                ObjectNode byRegion = o.putObject("thickness_region_mae_mm_by_region");
                m.regionThicknessMaeMm().forEach((r, v) -> byRegion.put(regionNames.get(r), v));
            }
            o.put("n", m.n());
            o.set("confusion", matrix(m.confusion()));
            ArrayNode subjects = o.putArray("subjects");
            for (EvaluationRow r : rows(m.method())) {
                ObjectNode row = JSON.valueToTree(r);
                if (regionNames.isEmpty()) {
                    row.remove("thicknessRegionMaeMm");
                }
                subjects.add(row);
            }
        }
        ObjectNode run = root.putObject("_run");
        run.put("target", target);
        run.set("sites", JSON.valueToTree(sites));
        ObjectNode c = run.putObject("classifier");
        c.put("architecture", classifier.architecture());
        c.put("steps", classifier.steps());
        c.put("patch", classifier.patch());
        c.put("final_loss", classifier.finalLoss());
        c.set("loss_curve", JSON.valueToTree(classifier.lossCurve()));
        c.put("test_accuracy_unharmonized", classifier.testAccuracy());
        c.put("chance", 1.0 / sites.size());
        c.set("confusion_unharmonized", matrix(classifier.confusion()));
        if (!ganModels.isEmpty()) {
            ObjectNode gans = run.putObject("gan_models");
            for (GanModel g : ganModels) {
                ObjectNode o = gans.putObject(g.method());
                o.put("model", g.dir());
                o.put("lambda_tc", g.lambdaTc());
                o.put("step", g.step());
            }
        }
        runExtras.forEach((k, v) -> run.set(k, JSON.valueToTree(v)));
        return root;
    }

    /** Writes {@link #toJson} atomically (temporary file in the same folder, then rename). */
    public void writeJson(Path file, Map<String, Object> runExtras) throws IOException {
        AtomicFiles.writeBytes(file, JSON.writeValueAsBytes(toJson(runExtras)));
    }

    private static ArrayNode matrix(long[][] m) {
        ArrayNode rowsNode = JSON.createArrayNode();
        for (long[] row : m) {
            ArrayNode r = rowsNode.addArray();
            for (long v : row) {
                r.add(v);
            }
        }
        return rowsNode;
    }
}
