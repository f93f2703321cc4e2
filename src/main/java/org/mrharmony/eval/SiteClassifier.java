package org.mrharmony.eval;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mrharmony.data.Batch;
import org.mrharmony.data.PreparedVolume;
import org.mrharmony.data.SlicingConfig;
import org.mrharmony.data.StackSampler;
import org.mrharmony.data.TrainingSet;

/**
 * Which site a scan comes from, told by a CNN over 2.5D stacks (the talk's protocol
 * classification). Trained on the unharmonized training volumes of every site with the
 * training sampler's stacks (sites balanced, random slice and crop); a whole volume is
 * classified by averaging the softmax of {@link Settings#stacksPerVolume()} stacks drawn from
 * it. Its penultimate-layer features feed the site-FID ({@link FrechetDistance}).
 */
public final class SiteClassifier implements AutoCloseable {

    /**
     * @param architecture    {@code small} or {@code resnet50}
     * @param slicing         how stacks are cut (axis, channels, crop size)
     * @param steps           Adam steps
     * @param batch           stacks per step
     * @param learningRate    Adam learning rate
     * @param stacksPerVolume stacks drawn from a volume to classify it and to describe it by features
     * @param seed            weights, batches and the stacks drawn per volume
     */
    public record Settings(SiteClassifierNet.Architecture architecture, SlicingConfig slicing, int steps, int batch,
                           double learningRate, int stacksPerVolume, long seed) {

        public Settings {
            if (steps < 1 || batch < 2 || stacksPerVolume < 1) {
                throw new IllegalArgumentException("classifier steps, batch (>= 2) and stacks per volume must be positive");
            }
        }

        /** The CPU default: small network, 32 px crops of 3 axial slices, 300 steps of 12 stacks. */
        public static Settings defaults(SiteClassifierNet.Architecture architecture) {
            boolean small = architecture == SiteClassifierNet.Architecture.SMALL;
            return new Settings(architecture, SlicingConfig.defaults(3, small ? 32 : 64), small ? 300 : 600, BATCH,
                1e-3, 32, 7);
        }

        public Settings withSteps(int s) {
            return new Settings(architecture, slicing, s, batch, learningRate, stacksPerVolume, seed);
        }
    }

    /**
     * What the classifier says about one volume.
     *
     * @param probabilities mean softmax over the volume's stacks, one per site
     * @param features      penultimate-layer features, one row per stack
     */
    public record Prediction(double[] probabilities, double[][] features) {

        public int site() {
            int best = 0;
            for (int i = 1; i < probabilities.length; i++) {
                if (probabilities[i] > probabilities[best]) {
                    best = i;
                }
            }
            return best;
        }
    }

    /**
     * Stacks per forward pass, and the default training batch: PyTorch tries NNPACK for
     * convolutions of 16 or more images and prints a warning per call where it is unsupported.
     */
    private static final int PREDICT_CHUNK = 8;
    private static final int BATCH = 12;
    /** Forward passes that settle the batch-norm averages: 0.9^40 leaves 1.5% of the old value. */
    private static final int RECALIBRATION_PASSES = 40;

    private final Settings settings;
    private final List<String> sites;
    private final Model model;
    private final SiteClassifierNet net;
    private final double[] losses;

    private SiteClassifier(Settings settings, List<String> sites, Model model, SiteClassifierNet net, double[] losses) {
        this.settings = settings;
        this.sites = sites;
        this.model = model;
        this.net = net;
        this.losses = losses;
    }

    /** Trains on {@code set} (built with {@link Settings#slicing()}): every site's training volumes. */
    public static SiteClassifier train(TrainingSet set, Settings settings, Device device, boolean progress) {
        Engine.getInstance().setRandomSeed((int) settings.seed());
        SiteClassifierNet net = SiteClassifierNet.create(settings.architecture(), set.siteCount());
        Model model = Model.newInstance("site-classifier", device);
        model.setBlock(net.whole());
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
            .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) settings.learningRate())).build())
            .optDevices(new Device[] {device});
        SlicingConfig s = settings.slicing();
        StackSampler sampler = new StackSampler(set, settings.seed(), 1);
        double[] losses = new double[settings.steps()];
        try (Trainer trainer = model.newTrainer(config);
             ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName("Site classifier")
                 .setInitialMax(settings.steps()).setStyle(ProgressBarStyle.ASCII).continuousUpdate().build() : null) {
            trainer.initialize(new Shape(settings.batch(), s.channels(), s.patch(), s.patch()));
            for (int step = 0; step < settings.steps(); step++) {
                Batch b = sampler.batch(step, settings.batch());
                try (NDManager m = trainer.getManager().newSubManager()) {
                    NDArray x = m.create(b.source(), new Shape(b.size(), s.channels(), s.patch(), s.patch()));
                    NDArray y = m.create(b.sourceSite());
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                        NDArray l = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                        gc.backward(l);
                        losses[step] = l.getFloat();
                    }
                    trainer.step();
                }
                if (bar != null) {
                    bar.step();
                }
            }
            recalibrateBatchNorm(trainer, sampler, settings);
        }
        return new SiteClassifier(settings, set.sites(), model, net, losses);
    }

    /**
     * Batch-norm statistics for the final weights. The running means and variances are moving
     * averages over the last ~10 steps, while the weights were still moving under them; at the
     * learning rates that train this classifier in seconds the lag biases every prediction
     * towards one site (measured: a correctly ordered but mis-thresholded classifier). Forward
     * passes in training mode over fresh batches, with the weights frozen, bring the averages to
     * the statistics the final weights actually produce (as torch.optim.swa_utils.update_bn).
     */
    private static void recalibrateBatchNorm(Trainer trainer, StackSampler sampler, Settings settings) {
        SlicingConfig s = settings.slicing();
        for (int i = 0; i < RECALIBRATION_PASSES; i++) {
            Batch b = sampler.batch(settings.steps() + i, settings.batch());
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray x = m.create(b.source(), new Shape(b.size(), s.channels(), s.patch(), s.patch()));
                trainer.getModel().getBlock().forward(new ParameterStore(m, false), new NDList(x), true);
            }
        }
    }

    public List<String> sites() {
        return sites;
    }

    public Settings settings() {
        return settings;
    }

    /** Cross-entropy of the last training batch. */
    public double finalLoss() {
        return losses[losses.length - 1];
    }

    /**
     * The training cross-entropy averaged over {@code parts} consecutive, equal stretches of the
     * steps (fewer when there are fewer steps): one batch's loss is too noisy to tell whether
     * the classifier learned, the trend over the run is not.
     */
    public double[] lossCurve(int parts) {
        int k = Math.min(parts, losses.length);
        double[] curve = new double[k];
        for (int i = 0; i < k; i++) {
            int from = (int) ((long) i * losses.length / k);
            int to = (int) ((long) (i + 1) * losses.length / k);
            double sum = 0;
            for (int j = from; j < to; j++) {
                sum += losses[j];
            }
            curve[i] = sum / (to - from);
        }
        return curve;
    }

    /**
     * Classifies a prepared volume (prepared with {@link Settings#slicing()}), drawing the same
     * stacks for the same volume every time.
     */
    public Prediction predict(PreparedVolume volume) {
        SlicingConfig s = settings.slicing();
        TrainingSet one = new TrainingSet(List.of(volume.site()), List.of(List.of(volume)), s);
        int n = settings.stacksPerVolume();
        float[] stacks = new StackSampler(one, settings.seed(), 1).siteStacks(0, n, 0);
        int len = s.channels() * s.patch() * s.patch();
        double[] probabilities = new double[sites.size()];
        double[][] rows = new double[n][];
        try (NDManager m = model.getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            for (int from = 0; from < n; from += PREDICT_CHUNK) {
                int k = Math.min(PREDICT_CHUNK, n - from);
                float[] chunk = java.util.Arrays.copyOfRange(stacks, from * len, (from + k) * len);
                try (NDManager c = m.newSubManager()) {
                    NDArray x = c.create(chunk, new Shape(k, s.channels(), s.patch(), s.patch()));
                    NDArray features = net.features().forward(ps, new NDList(x), false).singletonOrThrow();
                    NDArray logits = net.head().forward(ps, new NDList(features), false).singletonOrThrow();
                    float[] p = logits.softmax(1).toFloatArray();
                    float[] f = features.toFloatArray();
                    int dim = f.length / k;
                    for (int i = 0; i < k; i++) {
                        rows[from + i] = new double[dim];
                        for (int j = 0; j < dim; j++) {
                            rows[from + i][j] = f[i * dim + j];
                        }
                        for (int j = 0; j < probabilities.length; j++) {
                            probabilities[j] += p[i * probabilities.length + j] / n;
                        }
                    }
                }
            }
        }
        return new Prediction(probabilities, rows);
    }

    @Override
    public void close() {
        model.close();
    }
}
