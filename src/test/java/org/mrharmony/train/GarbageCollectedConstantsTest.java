package org.mrharmony.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mrharmony.data.Batch;
import org.mrharmony.data.StackSampler;
import org.mrharmony.data.TinySites;
import org.mrharmony.data.TrainingSet;
import org.mrharmony.model.GraphScalars;
import org.mrharmony.model.NetworkConfig;
import org.mrharmony.model.NetworkPresets;
import org.mrharmony.model.StarGanV2;

/**
 * The backward pass must not depend on when the garbage collector runs: constants that
 * autograd keeps for the backward pass must live in memory PyTorch owns ({@link GraphScalars}).
 * Before that fix, a forced collection between forward and backward changed the gradients of
 * every repeat (and made some non-finite); without it, 1-2 % of backward passes differed at
 * random, which made the bit-exact resume test flaky.
 */
class GarbageCollectedConstantsTest {

    @Test
    void timesIsTheProductAndItsGradientIsTheConstant() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray a = m.create(new float[] {1f, -2f, 3.5f});
            a.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = GraphScalars.times(a, 0.25f);
                assertThat(y.toFloatArray()).containsExactly(0.25f, -0.5f, 0.875f);
                collectGarbage();
                gc.backward(y.sum());
            }
            assertThat(a.getGradient().toFloatArray()).containsExactly(0.25f, 0.25f, 0.25f);
        }
    }

    /** G and M through D (the residual blocks scale by 1/sqrt(2)) plus R1 on D, as in training. */
    @Test
    void gradientsAreTheSameWhenTheCollectorRunsBeforeBackward() throws Exception {
        NetworkConfig net = NetworkPresets.named(NetworkPresets.TINY, 2);
        TrainConfig cfg = TrainConfig.defaults(NetworkPresets.TINY, net);
        TrainingSet data = TinySites.trainingSet(2, 1, 40, 10, cfg.slicing());
        Batch b = new StackSampler(data, 5, net.latentDim()).batch(0, 2);
        try (StarGanV2 nets = StarGanV2.create(net, Device.cpu(), 1);
             InputGradient inputGradient = new InputGradient(nets.manager())) {
            List<float[]> reference = gradients(nets, inputGradient, b, false);
            for (int rep = 0; rep < 4; rep++) {
                List<float[]> again = gradients(nets, inputGradient, b, true);
                for (int i = 0; i < reference.size(); i++) {
                    assertThat(again.get(i)).as("gradient %d, repeat %d", i, rep).containsExactly(reference.get(i));
                }
            }
        }
    }

    private static List<float[]> gradients(StarGanV2 nets, InputGradient inputGradient, Batch b, boolean collect) {
        NetworkConfig net = nets.config();
        try (NDManager sm = nets.manager().newSubManager()) {
            StepParameters trained = new StepParameters(sm, true);
            StepParameters frozen = new StepParameters(sm, false);
            Shape images = new Shape(2, 3, net.imgSize(), net.imgSize());
            NDArray x = sm.create(b.source(), images);
            NDArray real = sm.create(b.reference(), images);
            real.setRequiresGradient(true);
            NDArray y = sm.create(b.targetSite());
            NDArray z = sm.create(b.latent(), new Shape(2, net.latentDim()));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray s = nets.mappingNetwork().style(trained, z, y, true);
                NDArray fake = nets.generator().translate(trained, x, s, true);
                NDArray adv = Losses.adversarial(nets.discriminator().logit(frozen, fake, y, true), true);
                NDArray outReal = nets.discriminator().logit(trained, real, y, true);
                NDArray r1 = Losses.r1(inputGradient, outReal, real);
                NDArray loss = adv.add(GraphScalars.times(r1, 0.5f));
                if (collect) {
                    collectGarbage();
                }
                gc.backward(loss);
            }
            List<float[]> out = new ArrayList<>();
            for (NDArray g : trained.gradients(Trainer.parameters(nets.generator()))) {
                out.add(g.toFloatArray());
            }
            for (NDArray g : trained.gradients(Trainer.parameters(nets.discriminator()))) {
                out.add(g.toFloatArray());
            }
            return out;
        }
    }

    /** Frees unreachable direct buffers and lets the allocator hand their memory out again. */
    private static void collectGarbage() {
        System.gc();
        System.runFinalization();
        List<java.nio.ByteBuffer> churn = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocateDirect(64);
            buffer.putFloat(0, Float.NaN);
            churn.add(buffer);
        }
        assertThat(churn).hasSize(64);
    }
}
