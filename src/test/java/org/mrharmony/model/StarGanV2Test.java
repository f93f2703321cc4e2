package org.mrharmony.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Creation, initialisation and the identity start of the whole set of networks. */
class StarGanV2Test {

    private static final NetworkConfig TINY = NetworkPresets.named(NetworkPresets.TINY, 2);
    private static final NetworkConfig TINY_RESIDUAL = new NetworkConfig(
            TINY.imgSize(), TINY.inChannels(), TINY.dimIn(), TINY.maxConvDim(), TINY.styleDim(),
            TINY.latentDim(), TINY.numDomains(), TINY.mappingHidden(), true);

    @Test
    void untrainedResidualGeneratorReturnsItsInputExactly() {
        try (StarGanV2 nets = StarGanV2.create(TINY_RESIDUAL, Device.cpu(), 1);
                NDManager m = nets.manager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            // Non-square, and not the training size: identity holds everywhere.
            NDArray x = m.randomNormal(new Shape(2, 3, 16, 48));
            NDArray s = m.randomNormal(new Shape(2, TINY.styleDim()));

            NDArray out = nets.generator().translate(ps, x, s, false);
            NDArray outEma = nets.generatorEma().translate(ps, x, s, false);

            assertThat(out.toFloatArray()).containsExactly(x.toFloatArray());
            assertThat(outEma.toFloatArray()).containsExactly(x.toFloatArray());
        }
    }

    @Test
    void plainGeneratorIsNotTheIdentity() {
        try (StarGanV2 nets = StarGanV2.create(TINY, Device.cpu(), 1);
                NDManager m = nets.manager().newSubManager()) {
            NDArray x = m.randomNormal(new Shape(1, 3, 32, 32));
            NDArray s = m.randomNormal(new Shape(1, TINY.styleDim()));

            NDArray out = nets.generator().translate(new ParameterStore(m, false), x, s, false);

            assertThat(out.sub(x).abs().max().getFloat()).isGreaterThan(0.01f);
        }
    }

    /** Zero-initialised, the correction's last layer still gets a gradient, so training can move it. */
    @Test
    void identityStartGeneratorStillLearns() {
        try (StarGanV2 nets = StarGanV2.create(TINY_RESIDUAL, Device.cpu(), 1);
                NDManager m = nets.manager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(1, 3, 32, 32));
            NDArray s = m.randomNormal(new Shape(1, TINY.styleDim()));
            Parameter lastWeight = lastParameterNamed(nets.generator(), "weight");

            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = nets.generator().translate(ps, x, s, true);
                gc.backward(out.sub(x.mul(0.5f)).square().sum());
            }

            assertThat(lastWeight.getArray().getGradient().abs().sum().getFloat()).isGreaterThan(0f);
        }
    }

    @Test
    void weightsAreHeNormalBiasesZeroNormScalesOne() {
        // The paper mapping network's 512x512 layers give many samples for the statistics.
        NetworkConfig paper = NetworkPresets.named(NetworkPresets.PAPER, 2);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            MappingNetwork mapping = new MappingNetwork(paper);
            mapping.initializeAsOriginal(m);
            int linearWeights = 0;
            for (var p : mapping.getParameters()) {
                NDArray a = p.getValue().getArray();
                if (p.getValue().getType() == Parameter.Type.BIAS) {
                    assertThat(a.abs().max().getFloat()).isZero();
                } else if (a.getShape().equals(new Shape(512, 512))) {
                    linearWeights++;
                    double mean = a.mean().getFloat();
                    double std = Math.sqrt(a.sub(mean).square().mean().getFloat());
                    assertThat(mean).isCloseTo(0, within(0.002));
                    assertThat(std).isCloseTo(Math.sqrt(2.0 / 512), within(0.01 * Math.sqrt(2.0 / 512)));
                }
            }
            assertThat(linearWeights).isEqualTo(3 + 2 * 3);
        }
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Generator g = new Generator(TINY);
            g.initializeAsOriginal(m);
            List<Parameter> gammas = g.getParameters().values().stream()
                    .filter(p -> p.getType() == Parameter.Type.GAMMA).toList();
            assertThat(gammas).isNotEmpty();
            for (Parameter gamma : gammas) {
                assertThat(gamma.getArray().toFloatArray()).containsOnly(1f);
            }
        }
    }

    @Test
    void emaCopiesStartEqualAndTakeNoGradient() {
        try (StarGanV2 nets = StarGanV2.create(TINY, Device.cpu(), 3)) {
            assertSameValues(nets.generator(), nets.generatorEma());
            assertSameValues(nets.mappingNetwork(), nets.mappingNetworkEma());
            assertSameValues(nets.styleEncoder(), nets.styleEncoderEma());
            for (Parameter p : nets.generatorEma().getParameters().values()) {
                assertThat(p.requiresGradient()).as(p.getName()).isFalse();
            }
            assertThat(nets.all()).containsOnlyKeys("generator", "mapping_network", "style_encoder",
                    "discriminator", "generator_ema", "mapping_network_ema", "style_encoder_ema");
        }
    }

    @Test
    void sameSeedSameNetworksOtherSeedOtherNetworks() {
        try (StarGanV2 a = StarGanV2.create(TINY, Device.cpu(), 7);
                StarGanV2 b = StarGanV2.create(TINY, Device.cpu(), 7);
                StarGanV2 c = StarGanV2.create(TINY, Device.cpu(), 8)) {
            assertSameValues(a.discriminator(), b.discriminator());
            NDArray first = a.discriminator().getParameters().valueAt(0).getArray();
            NDArray other = c.discriminator().getParameters().valueAt(0).getArray();
            assertThat(first.contentEquals(other)).isFalse();
        }
    }

    @Test
    void mappingNetworkGivesEachSampleTheStyleOfItsOwnSite() {
        try (StarGanV2 nets = StarGanV2.create(TINY, Device.cpu(), 5);
                NDManager m = nets.manager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray z = m.randomNormal(new Shape(2, TINY.latentDim()));
            MappingNetwork mapping = nets.mappingNetwork();

            float[] allSite0 = mapping.style(ps, z, m.create(new int[] {0, 0}), false).toFloatArray();
            float[] allSite1 = mapping.style(ps, z, m.create(new int[] {1, 1}), false).toFloatArray();
            float[] mixed = mapping.style(ps, z, m.create(new int[] {1, 0}), false).toFloatArray();

            int s = TINY.styleDim();
            for (int j = 0; j < s; j++) {
                assertThat(mixed[j]).isEqualTo(allSite1[j]);
                assertThat(mixed[s + j]).isEqualTo(allSite0[s + j]);
            }
            assertThat(allSite0).isNotEqualTo(allSite1);
        }
    }

    /** Intermediate arrays belong to the caller's manager: a long training loop must not grow the model's. */
    @Test
    void forwardPassesLeaveNothingOnTheParameterManager() {
        try (StarGanV2 nets = StarGanV2.create(TINY_RESIDUAL, Device.cpu(), 2);
                NDManager caller = NDManager.newBaseManager(Device.cpu())) {
            int before = nets.manager().getManagedArrays().size();
            ParameterStore ps = new ParameterStore(caller, false);
            NDArray x = caller.randomNormal(new Shape(2, 3, 32, 32));
            NDArray y = caller.create(new int[] {0, 1});
            NDArray z = caller.randomNormal(new Shape(2, TINY.latentDim()));

            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray s = nets.mappingNetwork().style(ps, z, y, true);
                NDArray fake = nets.generator().translate(ps, x, s, true);
                NDArray loss = nets.discriminator().logit(ps, fake, y, true).sum()
                        .add(nets.styleEncoder().style(ps, fake, y, true).sum());
                gc.backward(loss);
            }

            assertThat(nets.manager().getManagedArrays()).hasSize(before);
        }
    }

    private static Parameter lastParameterNamed(StarGanNetwork net, String name) {
        List<Parameter> params = net.getParameters().values();
        for (int i = params.size() - 1; i >= 0; i--) {
            if (params.get(i).getName().equals(name)) {
                return params.get(i);
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    static void assertSameValues(StarGanNetwork a, StarGanNetwork b) {
        List<Parameter> pa = a.getParameters().values();
        List<Parameter> pb = b.getParameters().values();
        assertThat(pa).hasSameSizeAs(pb);
        for (int i = 0; i < pa.size(); i++) {
            assertThat(pa.get(i).getArray().contentEquals(pb.get(i).getArray())).as(pa.get(i).getName()).isTrue();
        }
    }
}
