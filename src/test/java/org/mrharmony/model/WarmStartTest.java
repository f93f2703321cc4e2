package org.mrharmony.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The generator's full-resolution branch and warm starts from a model without it. */
class WarmStartTest {

    private static final NetworkConfig TINY = NetworkPresets.named(NetworkPresets.TINY, 2);
    private static final NetworkConfig RESIDUAL = new NetworkConfig(
            TINY.imgSize(), TINY.inChannels(), TINY.dimIn(), TINY.maxConvDim(), TINY.styleDim(),
            TINY.latentDim(), TINY.numDomains(), TINY.mappingHidden(), true);
    private static final NetworkConfig SKIP = RESIDUAL.withFullResSkip(true);
    private static final List<String> SKIP_TENSORS = List.of("skip_conv_weight", "skip_conv_bias",
            "skip_out_weight", "skip_out_bias");

    @Test
    void untrainedGeneratorWithTheBranchIsStillTheIdentity() {
        try (StarGanV2 nets = StarGanV2.create(SKIP, Device.cpu(), 3);
                NDManager m = nets.manager().newSubManager()) {
            NDArray x = m.randomNormal(new Shape(2, 3, 16, 48));
            NDArray s = m.randomNormal(new Shape(2, SKIP.styleDim()));

            NDArray out = nets.generator().translate(new ParameterStore(m, false), x, s, false);

            assertThat(out.toFloatArray()).containsExactly(x.toFloatArray());
        }
    }

    /**
     * Zero-started in a trained generator (a warm start), the branch's output layer gets a
     * gradient: training can open it. (In an untrained residual generator the zero to_rgb layer
     * shields everything before it for the first step, the branch as much as the rest.)
     */
    @Test
    void theBranchLearnsFromItsZeroStart() {
        try (StarGanV2 nets = trained(SKIP);
                NDManager m = nets.manager().newSubManager()) {
            NDArray x = m.randomNormal(new Shape(1, 3, 32, 32));
            NDArray s = m.randomNormal(new Shape(1, SKIP.styleDim()));
            ParameterList params = nets.generator().getParameters();
            Parameter skipOut = IntStream.range(0, params.size()).filter(i -> params.keyAt(i).endsWith("skip_out_weight"))
                    .mapToObj(params::valueAt).findFirst().orElseThrow();
            skipOut.getArray().muli(0f);

            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = nets.generator().translate(new ParameterStore(m, false), x, s, true);
                gc.backward(out.sub(x.mul(0.5f)).square().sum());
            }

            assertThat(skipOut.getArray().getGradient().abs().sum().getFloat()).isGreaterThan(0f);
        }
    }

    /**
     * The branch starts at zero, so a generator warm-started from one without it computes exactly
     * what the source computed; everything else is copied, only the branch is fresh.
     */
    @Test
    void warmStartIntoTheBranchKeepsEveryOutput() {
        try (StarGanV2 source = trained(RESIDUAL);
                StarGanV2 target = StarGanV2.create(SKIP, Device.cpu(), 9);
                NDManager m = NDManager.newBaseManager(Device.cpu())) {
            WarmStart w = WarmStart.copy(source, target);

            // DJL prefixes a child's index: "generator/15skip_conv_weight"
            assertThat(w.fresh()).hasSize(2 * SKIP_TENSORS.size())
                    .allMatch(name -> name.startsWith("generator/") || name.startsWith("generator_ema/"))
                    .allMatch(name -> SKIP_TENSORS.stream().anyMatch(name::endsWith));
            assertThat(w.unused()).isEmpty();
            assertThat(w.copied()).hasSize(countParameters(source));
            NDArray x = m.randomNormal(new Shape(2, 3, 32, 32));
            NDArray s = m.randomNormal(new Shape(2, SKIP.styleDim()));
            ParameterStore ps = new ParameterStore(m, false);
            assertThat(target.generator().translate(ps, x, s, false).toFloatArray())
                    .containsExactly(source.generator().translate(ps, x, s, false).toFloatArray());
            assertThat(target.generatorEma().translate(ps, x, s, false).toFloatArray())
                    .containsExactly(source.generatorEma().translate(ps, x, s, false).toFloatArray());
            // the source's weights were moved away from their start, so equal outputs mean copied weights
            assertThat(source.generator().translate(ps, x, s, false).sub(x).abs().max().getFloat()).isGreaterThan(0f);
        }
    }

    /** Another number of sites: the per-site heads cannot be taken over, the trunks can. */
    @Test
    void headsOfAnotherSiteCountStayFresh() {
        try (StarGanV2 source = StarGanV2.create(TINY, Device.cpu(), 1);
                StarGanV2 target = StarGanV2.create(TINY.withNumDomains(3), Device.cpu(), 1)) {
            WarmStart w = WarmStart.copy(source, target);

            assertThat(w.fresh()).anyMatch(n -> n.startsWith("discriminator/") && n.endsWith("logits_weight"))
                    .anyMatch(n -> n.startsWith("mapping_network/") && n.contains("unshared2"))
                    .noneMatch(n -> n.startsWith("generator"));
            assertThat(w.unused()).anyMatch(n -> n.startsWith("discriminator/") && n.endsWith("logits_weight"))
                    .noneMatch(n -> n.contains("unshared2"));
            assertThat(w.copied()).anyMatch(n -> n.startsWith("generator/") && n.endsWith("from_rgb_weight"))
                    .anyMatch(n -> n.startsWith("mapping_network/") && n.contains("unshared1"));
            assertThat(w.summary()).startsWith(w.copied().size() + " parameter tensors copied, " + w.fresh().size()
                    + " fresh");
        }
    }

    /** Networks whose generator correction is no longer zero: every parameter nudged by a seeded draw. */
    private static StarGanV2 trained(NetworkConfig config) {
        StarGanV2 nets = StarGanV2.create(config, Device.cpu(), 5);
        for (StarGanNetwork net : nets.all().values()) {
            for (Parameter p : net.getParameters().values()) {
                NDArray a = p.getArray();
                a.addi(a.getManager().randomNormal(0f, 0.05f, a.getShape(), a.getDataType()));
            }
        }
        return nets;
    }

    private static int countParameters(StarGanV2 nets) {
        return nets.all().values().stream().mapToInt(n -> n.getParameters().size()).sum();
    }
}
