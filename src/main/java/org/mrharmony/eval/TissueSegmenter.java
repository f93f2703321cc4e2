package org.mrharmony.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mrharmony.volume.Volume;

/**
 * Three-class tissue segmentation (CSF, GM, WM) of a brain T1 by a Gaussian mixture fitted with
 * EM on the intensities inside a brain mask, regularised by a Potts Markov random field.
 *
 * <p>This is the hidden-MRF EM of FSL FAST (Zhang, Brady and Smith, IEEE TMI 20:45-57, 2001)
 * and ANTs Atropos (Avants et al., Neuroinformatics 9:381-400, 2011) without bias correction:
 * the E-step is a mean-field approximation in which each voxel's class log-likelihood is
 * raised by {@code beta} times the (distance-weighted) sum of its 6 neighbours' posteriors for
 * that class. Voxels are updated in red-black (checkerboard) order so that every update sees
 * its neighbours' latest values without the oscillation of a synchronous update, and the
 * result does not depend on thread scheduling. With {@code beta = 0} it is a plain GMM.
 *
 * <p>Means start at the class means of a three-class Otsu split of the masked intensities
 * ({@link ThreeClassOtsu}), in the right order for a T1 (CSF darkest, WM brightest); classes
 * are sorted by mean at the end in any case. (Starting at the 1/6, 3/6 and 5/6 quantiles, as
 * before, assumes classes of about equal size: with 13 % CSF and 58 % WM two classes started
 * in the WM and EM never left that split; issue 5.)
 */
public final class TissueSegmenter {

    /**
     * @param maxIterations   EM iterations at most
     * @param mrfBeta         Potts interaction strength; 0 switches the MRF off
     * @param meanFieldSweeps mean-field sweeps per E-step
     * @param tolerance       stop when no class mean moves by more than this fraction of the
     *                        intensity spread (sd of the masked intensities)
     * @param tiedVariance    one variance shared by the three classes (pooled over them) instead
     *                        of one each. Per-class variances let a narrow class (the white
     *                        matter of a clipped or averaged template such as Colin27) shrink
     *                        onto its peak and, with the MRF, vanish; a shared variance keeps
     *                        the class boundaries near the midpoints between means, where they
     *                        belong when noise, not tissue, sets the spread
     */
    public record Settings(int maxIterations, double mrfBeta, int meanFieldSweeps, double tolerance,
                           boolean tiedVariance) {

        public Settings {
            if (maxIterations < 1 || meanFieldSweeps < 1) {
                throw new IllegalArgumentException("iterations and sweeps must be at least 1");
            }
            if (mrfBeta < 0 || !(tolerance > 0)) {
                throw new IllegalArgumentException("mrfBeta must be >= 0 and tolerance > 0");
            }
        }

        public static Settings defaults() {
            return new Settings(40, 0.5, 2, 1e-4, true);
        }

        public Settings withMrfBeta(double beta) {
            return new Settings(maxIterations, beta, meanFieldSweeps, tolerance, tiedVariance);
        }

        public Settings withTiedVariance(boolean tied) {
            return new Settings(maxIterations, mrfBeta, meanFieldSweeps, tolerance, tied);
        }
    }

    private static final int K = TissueLabel.COUNT;
    private static final int MIN_VOXELS = 30;
    /** Histogram bins of the Otsu split that starts EM (its means are refined by EM anyway). */
    private static final int INIT_BINS = 128;

    private final Settings settings;

    public TissueSegmenter() {
        this(Settings.defaults());
    }

    public TissueSegmenter(Settings settings) {
        this.settings = settings;
    }

    /**
     * Segments the voxels of {@code t1} inside {@code brainMask} (parallel to its voxel array, see
     * {@link Masks}).
     *
     * @throws IllegalArgumentException if the mask does not fit the volume or holds too few voxels
     */
    public TissueSegmentation segment(Volume t1, boolean[] brainMask) {
        if (brainMask.length != t1.size()) {
            throw new IllegalArgumentException("brain mask has " + brainMask.length + " entries but the T1 has "
                + t1.size() + " voxels");
        }
        MaskedVoxels voxels = MaskedVoxels.of(t1, brainMask);
        if (voxels.count() < MIN_VOXELS) {
            throw new IllegalArgumentException("brain mask holds " + voxels.count() + " voxels; need at least "
                + MIN_VOXELS + " to fit three tissue classes");
        }
        Fit fit = new Fit(voxels, settings);
        fit.run();
        return fit.result(t1);
    }

    /** The EM state: class parameters and one posterior row per masked voxel. */
    private static final class Fit {

        private final MaskedVoxels v;
        private final Settings settings;
        private final double[] mean = new double[K];
        private final double[] sd = new double[K];
        private final double[] weight = new double[K];
        /** Posteriors, K per masked voxel. */
        private final double[] q;
        private final double minSd;
        private final double spread;
        private int iterations;

        Fit(MaskedVoxels v, Settings settings) {
            this.v = v;
            this.settings = settings;
            this.q = new double[K * v.count()];
            double[] sorted = Quantiles.sorted(v.intensities());
            double sum = 0;
            double sumSq = 0;
            for (double y : sorted) {
                sum += y;
                sumSq += y * y;
            }
            double m = sum / sorted.length;
            spread = Math.sqrt(Math.max(sumSq / sorted.length - m * m, 0));
            minSd = Math.max(1e-6 * spread, 1e-12);
            double[] otsu = ThreeClassOtsu.means(sorted, INIT_BINS);
            for (int k = 0; k < K; k++) {
                mean[k] = otsu != null ? otsu[k] : Quantiles.percentileOfSorted(sorted, 100.0 * (2 * k + 1) / (2 * K));
                sd[k] = Math.max(spread / K, minSd);
                weight[k] = 1.0 / K;
            }
        }

        int run() {
            // The first E-step has no neighbour posteriors to lean on: a plain mixture step.
            eStep(0.0, 1);
            mStep();
            for (iterations = 1; iterations < settings.maxIterations(); iterations++) {
                double[] before = mean.clone();
                eStep(settings.mrfBeta(), settings.mrfBeta() > 0 ? settings.meanFieldSweeps() : 1);
                mStep();
                double moved = 0;
                for (int k = 0; k < K; k++) {
                    moved = Math.max(moved, Math.abs(mean[k] - before[k]));
                }
                if (moved <= settings.tolerance() * spread) {
                    iterations++;
                    break;
                }
            }
            return iterations;
        }

        private void eStep(double beta, int sweeps) {
            double[] logNorm = new double[K];
            for (int k = 0; k < K; k++) {
                // With the MRF the neighbours are the prior (as in HMRF-EM); global class weights on
                // top would count the majority twice and let it swallow the others.
                logNorm[k] = (beta > 0 ? 0 : Math.log(weight[k])) - Math.log(sd[k]);
            }
            double[] e = new double[K];
            for (int sweep = 0; sweep < sweeps; sweep++) {
                for (int[] colour : v.checkerboard()) {
                    for (int i : colour) {
                        double y = v.intensities()[i];
                        double best = Double.NEGATIVE_INFINITY;
                        for (int k = 0; k < K; k++) {
                            double z = (y - mean[k]) / sd[k];
                            e[k] = logNorm[k] - 0.5 * z * z + (beta > 0 ? beta * neighbourSupport(i, k) : 0);
                            best = Math.max(best, e[k]);
                        }
                        double total = 0;
                        for (int k = 0; k < K; k++) {
                            e[k] = Math.exp(e[k] - best);
                            total += e[k];
                        }
                        for (int k = 0; k < K; k++) {
                            q[K * i + k] = e[k] / total;
                        }
                    }
                }
            }
        }

        private double neighbourSupport(int i, int k) {
            double s = 0;
            int[] nb = v.neighbours();
            double[] w = v.neighbourWeights();
            for (int d = 0; d < MaskedVoxels.NEIGHBOURS; d++) {
                int j = nb[MaskedVoxels.NEIGHBOURS * i + d];
                if (j >= 0) {
                    s += w[d] * q[K * j + k];
                }
            }
            return s;
        }

        private void mStep() {
            double[] y = v.intensities();
            int n = v.count();
            double pooledVariance = 0;
            for (int k = 0; k < K; k++) {
                double sw = 0;
                double swy = 0;
                for (int i = 0; i < n; i++) {
                    sw += q[K * i + k];
                    swy += q[K * i + k] * y[i];
                }
                if (sw < 1e-9) {
                    // An emptied class keeps its last parameters rather than dividing by zero.
                    continue;
                }
                double m = swy / sw;
                double sv = 0;
                for (int i = 0; i < n; i++) {
                    double d = y[i] - m;
                    sv += q[K * i + k] * d * d;
                }
                mean[k] = m;
                sd[k] = Math.max(Math.sqrt(sv / sw), minSd);
                weight[k] = Math.max(sw / n, 1e-9);
                pooledVariance += sv / n;
            }
            if (settings.tiedVariance()) {
                Arrays.fill(sd, Math.max(Math.sqrt(pooledVariance), minSd));
            }
        }

        TissueSegmentation result(Volume t1) {
            Integer[] order = {0, 1, 2};
            Arrays.sort(order, (a, b) -> Double.compare(mean[a], mean[b]));
            float[] labels = new float[t1.size()];
            List<float[]> post = new ArrayList<>();
            for (int k = 0; k < K; k++) {
                post.add(new float[t1.size()]);
            }
            int[] where = v.voxelIndex();
            for (int i = 0; i < v.count(); i++) {
                int best = 0;
                for (int rank = 0; rank < K; rank++) {
                    int k = order[rank];
                    post.get(rank)[where[i]] = (float) q[K * i + k];
                    if (q[K * i + k] > q[K * i + order[best]]) {
                        best = rank;
                    }
                }
                labels[where[i]] = TissueLabel.CSF + best;
            }
            double[] means = new double[K];
            double[] sds = new double[K];
            List<Volume> posteriors = new ArrayList<>();
            for (int rank = 0; rank < K; rank++) {
                means[rank] = mean[order[rank]];
                sds[rank] = sd[order[rank]];
                posteriors.add(t1.withData(post.get(rank)));
            }
            return new TissueSegmentation(t1.withData(labels), List.copyOf(posteriors), means, sds, iterations);
        }
    }
}
