package org.mrharmony.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every figure of one method over the test scans (see {@link Evaluation} for the definitions):
 * means with sample sds where a per-scan value exists, and the per-method set figures
 * (classifier accuracy, site-FID, W1).
 *
 * @param confusion     rows: the scans' original sites; columns: the classifier's answer; both in
 *                      the cohort's site order
 * @param w1BySite      W1 of each source site's brain intensities to the target site's, after this method
 * @param regionThicknessMaeMm per atlas region, the mean over scans of |mean thickness (harmonized) − mean
 *                      thickness (truth scan)| (empty without an atlas)
 */
public record MethodMetrics(String method, int n, double ssim, double ssimSd, double psnr, double psnrSd,
                            double mae, double maeSd, double siteAccuracy, double targetRate, double siteFid,
                            double gmDice, double gmDiceSd, double wmDice, double wmDiceSd, double csfDice,
                            double gmDiceTruth, double wmDiceTruth, double thicknessMaeMm, double thicknessMaeMmSd,
                            double thicknessTruthMaeMm, double coherence, double coherenceSd, double w1,
                            Map<String, Double> w1BySite, long[][] confusion, double gmVolumeMl,
                            double wmVolumeMl, double csfVolumeMl, double volumeErrorPct, double volumeErrorPctSd,
                            double volumeChangePct, double thicknessRegionMaeMm,
                            Map<Integer, Double> regionThicknessMaeMm) {

    public MethodMetrics {
        w1BySite = Map.copyOf(w1BySite);
        regionThicknessMaeMm = Collections.unmodifiableMap(new TreeMap<>(regionThicknessMaeMm));
    }

    /** Summarises one method's rows; {@code siteFid} and {@code w1BySite} are set figures computed by the caller. */
    public static MethodMetrics of(String method, List<EvaluationRow> rows, List<String> sites, String target,
                                   double siteFid, Map<String, Double> w1BySite) {
        long[][] confusion = new long[sites.size()][sites.size()];
        int correct = 0;
        int toTarget = 0;
        for (EvaluationRow r : rows) {
            confusion[sites.indexOf(r.sourceSite())][sites.indexOf(r.predictedSite())]++;
            correct += r.predictedSite().equals(r.sourceSite()) ? 1 : 0;
            toTarget += r.predictedSite().equals(target) ? 1 : 0;
        }
        double w1 = w1BySite.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        Map<String, Double> ordered = new LinkedHashMap<>();
        sites.stream().filter(w1BySite::containsKey).forEach(s -> ordered.put(s, w1BySite.get(s)));
        return new MethodMetrics(method, rows.size(),
            Stats.mean(rows, EvaluationRow::ssim), Stats.sd(rows, EvaluationRow::ssim),
            Stats.mean(rows, EvaluationRow::psnr), Stats.sd(rows, EvaluationRow::psnr),
            Stats.mean(rows, EvaluationRow::mae), Stats.sd(rows, EvaluationRow::mae),
            (double) correct / rows.size(), (double) toTarget / rows.size(), siteFid,
            Stats.mean(rows, EvaluationRow::gmDice), Stats.sd(rows, EvaluationRow::gmDice),
            Stats.mean(rows, EvaluationRow::wmDice), Stats.sd(rows, EvaluationRow::wmDice),
            Stats.mean(rows, EvaluationRow::csfDice),
            Stats.mean(rows, EvaluationRow::gmDiceTruth), Stats.mean(rows, EvaluationRow::wmDiceTruth),
            Stats.mean(rows, EvaluationRow::thicknessErrorMm), Stats.sd(rows, EvaluationRow::thicknessErrorMm),
            Stats.mean(rows, EvaluationRow::thicknessTruthErrorMm),
            Stats.mean(rows, EvaluationRow::coherence), Stats.sd(rows, EvaluationRow::coherence),
            w1, ordered, confusion,
            Stats.mean(rows, EvaluationRow::gmVolumeMl), Stats.mean(rows, EvaluationRow::wmVolumeMl),
            Stats.mean(rows, EvaluationRow::csfVolumeMl),
            Stats.mean(rows, EvaluationRow::volumeErrorPct), Stats.sd(rows, EvaluationRow::volumeErrorPct),
            Stats.mean(rows, EvaluationRow::volumeChangePct),
            Stats.mean(rows, EvaluationRow::thicknessRegionMaeMm), regionErrors(rows));
    }

    /** Per region, the mean over the scans that measured it in both of |harmonized − truth scan|. */
    static Map<Integer, Double> regionErrors(List<EvaluationRow> rows) {
        Map<Integer, double[]> acc = new TreeMap<>();
        for (EvaluationRow r : rows) {
            r.regionThicknessMm().forEach((region, mm) -> {
                Double truth = r.regionTruthThicknessMm().get(region);
                if (truth != null) {
                    double[] a = acc.computeIfAbsent(region, k -> new double[2]);
                    a[0]++;
                    a[1] += Math.abs(mm - truth);
                }
            });
        }
        Map<Integer, Double> out = new TreeMap<>();
        acc.forEach((region, a) -> out.put(region, a[1] / a[0]));
        return out;
    }
}
