package org.mrharmony.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.mrharmony.data.Batch;
import org.mrharmony.data.StackSampler;
import org.mrharmony.model.Discriminator;
import org.mrharmony.model.StarGanV2;

/**
 * Can the discriminator tell the sites apart at all? Trains D alone, with the generator replaced
 * by the identity: "real" is a source crop under its own site's label, D(x, y_src), "fake" is the
 * very same crop under the batch's target site, D(x, y_trg). D can only win by learning what
 * makes an image look like each site, which is exactly the signal the generator is meant to get
 * from it. D's objective and optimiser are {@link Trainer}'s (adversarial terms + γ R1, weighted
 * by λ1, plus the site classification when {@code lambda_cls > 0}; Adam at {@code lr_d}); only
 * the fake differs.
 *
 * <p>Memory as in {@link Trainer}: every NDArray of a step lives in a sub-manager closed at the
 * end of the step; only D's weights and its optimiser moments persist.
 */
public final class DiscriminatorProbe implements AutoCloseable {

    /** What a probe run reports as it goes; the command line shows it as a progress bar. */
    public interface Listener {

        Listener SILENT = new Listener() {
        };

        default void stepDone(long step) {
        }

        default void windowDone(ProbeWindow window) {
        }
    }

    /** The losses and decisions of one step, and whether its update was applied. */
    public record StepResult(float dReal, float dFake, float dReg, DecisionCount decisions, boolean updated) {
    }

    private final TrainConfig cfg;
    private final Discriminator d;
    private final NDManager manager;
    private final InputGradient inputGradient;
    private final List<Parameter> pD;
    private final Adam optD;

    /** Trains {@code nets}' discriminator (and touches nothing else) with {@code cfg}'s settings for D. */
    public DiscriminatorProbe(TrainConfig cfg, StarGanV2 nets) {
        this.cfg = cfg;
        this.d = nets.discriminator();
        this.manager = nets.manager().newSubManager();
        this.inputGradient = new InputGradient(manager);
        this.pD = Trainer.parameters(d);
        this.optD = Trainer.adam(cfg, pD, cfg.lrD(), manager);
    }

    /**
     * {@code steps} updates on the sampler's batches 0, 1, ... of {@code cfg.batch()} samples; a
     * window is reported every {@code every} steps, and at the last step if it ends a shorter one.
     */
    public List<ProbeWindow> run(StackSampler sampler, long steps, int every, Listener listener) {
        if (steps < 1 || every < 1) {
            throw new IllegalArgumentException("steps and window must be at least 1, got " + steps + " and " + every);
        }
        List<ProbeWindow> windows = new ArrayList<>();
        Window window = new Window();
        for (long s = 0; s < steps; s++) {
            window.add(step(sampler.batch(s, cfg.batch())));
            listener.stepDone(s + 1);
            if ((s + 1) % every == 0 || s + 1 == steps) {
                ProbeWindow w = window.close(s + 1);
                windows.add(w);
                listener.windowDone(w);
                window = new Window();
            }
        }
        return windows;
    }

    /** One update of D: the discriminator step of {@link Trainer} with G(x) = x. */
    public StepResult step(Batch b) {
        try (NDManager sm = manager.newSubManager()) {
            Shape images = new Shape(b.size(), b.channels(), b.patch(), b.patch());
            NDArray x = sm.create(b.source(), images);
            NDArray ySrc = sm.create(b.sourceSite());
            NDArray yTrg = sm.create(b.targetSite());
            StepParameters trained = new StepParameters(sm, true);
            NDArray xReal = x.duplicate();
            xReal.setRequiresGradient(true);
            float dReal;
            float dFake;
            float dReg;
            DecisionCount decisions;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                Discriminator.Decisions real = d.decide(trained, xReal, ySrc, true);
                NDArray outReal = real.chosen();
                NDArray lossReal = Losses.adversarial(outReal, true);
                NDArray lossReg = Losses.r1(inputGradient, outReal, xReal);
                // the identity "translation": x itself, which needs no gradient (as G's output is detached)
                NDArray outFake = d.logit(trained, x, yTrg, true);
                NDArray lossFake = Losses.adversarial(outFake, false);
                gc.backward(Trainer.discriminatorLoss(cfg, lossReal, lossFake, lossReg,
                    Trainer.siteClassification(cfg, real, ySrc)));
                dReal = lossReal.getFloat();
                dFake = lossFake.getFloat();
                dReg = lossReg.getFloat();
                decisions = DecisionCount.of(outReal.toFloatArray(), outFake.toFloatArray(), b.sourceSite(),
                    b.targetSite());
            }
            boolean updated = optD.step(trained.gradients(pD));
            return new StepResult(dReal, dFake, dReg, decisions, updated);
        }
    }

    @Override
    public void close() {
        optD.close();
        inputGradient.close();
        manager.close();
    }

    /** Sums over the steps of a window. */
    private static final class Window {
        private int steps;
        private double dReal;
        private double dFake;
        private double dReg;
        private DecisionCount decisions = DecisionCount.NONE;
        private int skipped;

        void add(StepResult r) {
            steps++;
            dReal += r.dReal();
            dFake += r.dFake();
            dReg += r.dReg();
            decisions = decisions.plus(r.decisions());
            skipped += r.updated() ? 0 : 1;
        }

        ProbeWindow close(long lastStep) {
            return new ProbeWindow(lastStep, steps, dReal / steps, dFake / steps, dReg / steps, decisions, skipped);
        }
    }
}
