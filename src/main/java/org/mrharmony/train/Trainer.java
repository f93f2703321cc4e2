package org.mrharmony.train;

import static org.mrharmony.model.GraphScalars.times;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mrharmony.data.Batch;
import org.mrharmony.model.Discriminator;
import org.mrharmony.model.Generator;
import org.mrharmony.model.MappingNetwork;
import org.mrharmony.model.StarGanV2;
import org.mrharmony.model.StyleEncoder;

/**
 * One StarGAN v2 iteration plus the temporal coherence loss (METHOD.md, "Losses"), as the
 * original {@code solver.train}: D latent-guided, D reference-guided, G (with M and E)
 * latent-guided, G reference-guided, then the EMA update.
 *
 * <p>Memory: every NDArray of a step lives in a sub-manager closed at the end of the step;
 * the networks see per-step views of their weights ({@link StepParameters}), so no gradient
 * survives a step either. Only weights, EMA copies and optimiser moments persist.
 */
public final class Trainer implements AutoCloseable {

    private final TrainConfig cfg;
    private final StarGanV2 nets;
    private final NDManager manager;
    private final InputGradient inputGradient;
    private final List<Parameter> pG;
    private final List<Parameter> pM;
    private final List<Parameter> pE;
    private final List<Parameter> pD;
    private final Adam optG;
    private final Adam optM;
    private final Adam optE;
    private final Adam optD;
    private long step;

    public Trainer(TrainConfig cfg, StarGanV2 nets) {
        this.cfg = cfg;
        this.nets = nets;
        this.manager = nets.manager().newSubManager();
        this.inputGradient = new InputGradient(manager);
        pG = parameters(nets.generator());
        pM = parameters(nets.mappingNetwork());
        pE = parameters(nets.styleEncoder());
        pD = parameters(nets.discriminator());
        optG = adam(cfg, pG, cfg.lr(), manager);
        optM = adam(cfg, pM, cfg.lrMapping(), manager);
        optE = adam(cfg, pE, cfg.lr(), manager);
        optD = adam(cfg, pD, cfg.lrD(), manager);
    }

    /** The optimiser of one network: the configuration's betas and weight decay at the given rate. */
    static Adam adam(TrainConfig cfg, List<Parameter> params, float lr, NDManager manager) {
        return new Adam(params, lr, cfg.beta1(), cfg.beta2(), 1e-8f, cfg.weightDecay(), manager);
    }

    static List<Parameter> parameters(Block block) {
        List<Parameter> list = new ArrayList<>();
        block.getParameters().forEach(p -> list.add(p.getValue()));
        return list;
    }

    public long step() {
        return step;
    }

    /** Discriminator updates applied so far (two per discriminator batch: latent, reference). */
    long discriminatorUpdates() {
        return optD.steps();
    }

    public StarGanV2 networks() {
        return nets;
    }

    /** Runs one iteration on a batch and returns its loss terms; the step counter advances. */
    public StepLosses train(Batch batch) {
        return train(batch, List.of());
    }

    /**
     * One iteration with extra discriminator updates first ({@code d_steps}): D latent- and
     * reference-guided on each batch of {@code extraDiscriminatorBatches}, then the ordinary
     * iteration on {@code batch}. The logged losses are those of {@code batch}; skipped updates
     * count all of them.
     */
    public StepLosses train(Batch batch, List<Batch> extraDiscriminatorBatches) {
        Map<String, Float> terms = new LinkedHashMap<>();
        terms.put("skipped_updates", 0f);
        float lambdaDs = Losses.diversityWeight(cfg.lambdaDs(), step, cfg.effectiveDsDecaySteps());
        for (Batch extra : extraDiscriminatorBatches) {
            try (NDManager sm = manager.newSubManager()) {
                Inputs in = Inputs.of(sm, extra);
                discriminatorStep(sm, in, true, terms);
                discriminatorStep(sm, in, false, terms);
            }
        }
        try (NDManager sm = manager.newSubManager()) {
            Inputs in = Inputs.of(sm, batch);
            discriminatorStep(sm, in, true, terms);
            discriminatorStep(sm, in, false, terms);
            generatorStep(sm, in, true, lambdaDs, terms);
            generatorStep(sm, in, false, lambdaDs, terms);
        }
        float beta = step < cfg.emaWarmupSteps() ? 0f : cfg.emaBeta();
        Ema.update(pG, parameters(nets.generatorEma()), beta);
        Ema.update(pM, parameters(nets.mappingNetworkEma()), beta);
        Ema.update(pE, parameters(nets.styleEncoderEma()), beta);
        terms.put("lambda_ds", lambdaDs);
        step++;
        return new StepLosses(step, terms);
    }

    /** compute_d_loss: real logits + R1 on real images, fake logits of a translation made without gradients. */
    private void discriminatorStep(NDManager sm, Inputs in, boolean latent, Map<String, Float> terms) {
        String tag = latent ? "_lat" : "_ref";
        Discriminator d = nets.discriminator();
        StepParameters trained = new StepParameters(sm, true);
        StepParameters frozen = new StepParameters(sm, false);
        NDArray xReal = in.x.duplicate();
        xReal.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            Discriminator.Decisions real = d.decide(trained, xReal, in.ySrc, true);
            NDArray outReal = real.chosen();
            NDArray lossReal = Losses.adversarial(outReal, true);
            NDArray lossReg = Losses.r1(inputGradient, outReal, xReal);
            NDArray style = latent
                ? nets.mappingNetwork().style(frozen, in.z1, in.yTrg, false)
                : nets.styleEncoder().style(frozen, in.ref1, in.yTrg, false);
            NDArray xFake = nets.generator().translate(frozen, in.x, style, false).stopGradient();
            NDArray lossFake = Losses.adversarial(d.logit(trained, xFake, in.yTrg, true), false);
            NDArray lossCls = siteClassification(cfg, real, in.ySrc);
            gc.backward(discriminatorLoss(cfg, lossReal, lossFake, lossReg, lossCls));
            terms.put("d_real" + tag, lossReal.getFloat());
            terms.put("d_fake" + tag, lossFake.getFloat());
            terms.put("d_reg" + tag, lossReg.getFloat());
            if (lossCls != null) {
                terms.put("d_cls" + tag, lossCls.getFloat());
            }
        }
        if (!optD.step(trained.gradients(pD))) {
            terms.merge("skipped_updates", 1f, Float::sum);
        }
    }

    /**
     * D's objective from its terms: λ1 (real + fake + γ R1), as compute_d_loss weights them, plus
     * λ_cls times the site classification when it is on ({@code lossCls} null otherwise, and then
     * not a term of the graph at all).
     */
    static NDArray discriminatorLoss(TrainConfig cfg, NDArray lossReal, NDArray lossFake, NDArray lossReg,
                                     NDArray lossCls) {
        NDArray loss = times(lossReal.add(lossFake).add(times(lossReg, cfg.lambdaReg())), cfg.lambdaStarGan());
        return lossCls == null ? loss : loss.add(times(lossCls, cfg.lambdaCls()));
    }

    /** The site classification of D's decisions against the sites {@code y}, or null when it is off. */
    static NDArray siteClassification(TrainConfig cfg, Discriminator.Decisions decisions, NDArray y) {
        return cfg.classifies() ? Losses.siteCrossEntropy(decisions.all(), y) : null;
    }

    /**
     * compute_g_loss plus temporal coherence. Latent-guided: G, M and E are updated.
     * Reference-guided: only G (E is evaluated without parameter gradients, as its update
     * would be discarded in the original too).
     */
    private void generatorStep(NDManager sm, Inputs in, boolean latent, float lambdaDs, Map<String, Float> terms) {
        String tag = latent ? "_lat" : "_ref";
        Generator g = nets.generator();
        MappingNetwork m = nets.mappingNetwork();
        StyleEncoder e = nets.styleEncoder();
        StepParameters trained = new StepParameters(sm, true);
        StepParameters frozen = new StepParameters(sm, false);
        StepParameters styleStore = latent ? trained : frozen;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray sTrg = latent ? m.style(trained, in.z1, in.yTrg, true) : e.style(frozen, in.ref1, in.yTrg, true);
            NDArray xFake = g.translate(trained, in.x, sTrg, true);
            Discriminator.Decisions judged = nets.discriminator().decide(frozen, xFake, in.yTrg, true);
            NDArray lossAdv = Losses.adversarial(judged.chosen(), true);
            NDArray lossSty = Losses.l1(e.style(styleStore, xFake, in.yTrg, true), sTrg);
            NDArray sTrg2 = latent ? m.style(trained, in.z2, in.yTrg, true) : e.style(frozen, in.ref2, in.yTrg, true);
            NDArray xFake2 = g.translate(trained, in.x, sTrg2, true).stopGradient();
            NDArray lossDs = Losses.l1(xFake, xFake2);
            NDArray sOrg = e.style(styleStore, in.x, in.ySrc, true);
            NDArray lossCyc = Losses.l1(g.translate(trained, xFake, sOrg, true), in.x);
            // λ_tc = 0 is plain StarGAN v2 (bench train --reference-step): the translation of X_{k+1}
            // is skipped, not weighted by zero. Operations keep their order otherwise (autograd sums
            // gradients in creation order), so losses with λ_tc > 0 are bit for bit as before.
            NDArray lossTc = cfg.lambdaTc() != 0f ? temporalCoherence(g, trained, in, xFake, sTrg) : null;
            NDArray starGan = lossAdv.add(times(lossSty, cfg.lambdaSty())).sub(times(lossDs, lambdaDs))
                .add(times(lossCyc, cfg.lambdaCyc()));
            NDArray loss = times(starGan, cfg.lambdaStarGan());
            if (lossTc != null) {
                loss = loss.add(times(lossTc, cfg.lambdaTc()));
            }
            NDArray lossCls = siteClassification(cfg, judged, in.yTrg);
            if (lossCls != null) {
                loss = loss.add(times(lossCls, cfg.lambdaCls()));
            }
            gc.backward(loss);
            terms.put("g_adv" + tag, lossAdv.getFloat());
            terms.put("g_sty" + tag, lossSty.getFloat());
            terms.put("g_ds" + tag, lossDs.getFloat());
            terms.put("g_cyc" + tag, lossCyc.getFloat());
            terms.put("g_tc" + tag, lossTc != null ? lossTc.getFloat() : 0f);
            if (lossCls != null) {
                terms.put("g_cls" + tag, lossCls.getFloat());
            }
        }
        int skipped = optG.step(trained.gradients(pG)) ? 0 : 1;
        if (latent) {
            skipped += optM.step(trained.gradients(pM)) ? 0 : 1;
            skipped += optE.step(trained.gradients(pE)) ? 0 : 1;
        }
        if (skipped > 0) {
            terms.merge("skipped_updates", (float) skipped, Float::sum);
        }
    }

    /** The temporal coherence loss of METHOD.md: X_{k+1} translated with X_k's target style. */
    private NDArray temporalCoherence(Generator g, StepParameters trained, Inputs in, NDArray xFake, NDArray sTrg) {
        NDArray xFakeNext = g.translate(trained, in.xNext, sTrg, true);
        return TrainConfig.OVERLAP.equals(cfg.tcForm())
            ? Losses.temporalCoherenceOverlap(xFake, xFakeNext)
            : Losses.temporalCoherenceDifference(xFake, xFakeNext, in.x, in.xNext);
    }

    /** The batch as NDArrays in the step's manager. */
    private record Inputs(NDArray x, NDArray xNext, NDArray ySrc, NDArray yTrg, NDArray ref1, NDArray ref2,
                          NDArray z1, NDArray z2) {

        static Inputs of(NDManager sm, Batch b) {
            Shape images = new Shape(b.size(), b.channels(), b.patch(), b.patch());
            Shape latents = new Shape(b.size(), b.latentDim());
            return new Inputs(sm.create(b.source(), images), sm.create(b.sourceNext(), images),
                sm.create(b.sourceSite()), sm.create(b.targetSite()),
                sm.create(b.reference(), images), sm.create(b.reference2(), images),
                sm.create(b.latent(), latents), sm.create(b.latent2(), latents));
        }
    }

    /** Optimiser moments and the step counter, for {@code --resume}. */
    public void saveState(DataOutputStream out) throws IOException {
        out.writeLong(step);
        for (Adam a : List.of(optG, optM, optE, optD)) {
            a.save(out);
        }
    }

    public void loadState(DataInputStream in) throws IOException {
        long saved = in.readLong();
        for (Adam a : List.of(optG, optM, optE, optD)) {
            a.load(in);
        }
        step = saved;
    }

    @Override
    public void close() {
        for (Adam a : List.of(optG, optM, optE, optD)) {
            a.close();
        }
        inputGradient.close();
        manager.close();
    }
}
