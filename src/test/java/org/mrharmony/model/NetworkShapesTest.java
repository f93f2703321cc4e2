package org.mrharmony.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** Every network runs and gives the shape it declares, for every preset. */
class NetworkShapesTest {

    private static final int SITES = 3;
    private static final int BATCH = 2;

    @Test
    void tinyPresetRunsWithTheDeclaredShapes() {
        runsWithDeclaredShapes(NetworkPresets.named(NetworkPresets.TINY, SITES), new int[] {2, 0});
    }

    @Test
    void cpuPresetRunsWithTheDeclaredShapes() {
        runsWithDeclaredShapes(NetworkPresets.named(NetworkPresets.CPU, SITES), new int[] {1});
    }

    private static void runsWithDeclaredShapes(NetworkConfig c, int[] sites) {
        int batch = sites.length;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(batch, c.inChannels(), c.imgSize(), c.imgSize()));
            NDArray y = m.create(sites);
            NDArray z = m.randomNormal(new Shape(batch, c.latentDim()));

            Generator g = initialised(new Generator(c), m);
            MappingNetwork mapping = initialised(new MappingNetwork(c), m);
            StyleEncoder e = initialised(new StyleEncoder(c), m);
            Discriminator d = initialised(new Discriminator(c), m);

            NDArray sLatent = mapping.style(ps, z, y, false);
            NDArray sRef = e.style(ps, x, y, false);
            NDArray fake = g.translate(ps, x, sLatent, false);
            NDArray logit = d.logit(ps, fake, y, false);

            assertThat(sLatent.getShape()).isEqualTo(new Shape(batch, c.styleDim()))
                    .isEqualTo(declared(mapping, z, y));
            assertThat(sRef.getShape()).isEqualTo(new Shape(batch, c.styleDim())).isEqualTo(declared(e, x, y));
            assertThat(fake.getShape()).isEqualTo(x.getShape()).isEqualTo(declared(g, x, sLatent));
            assertThat(logit.getShape()).isEqualTo(new Shape(batch)).isEqualTo(declared(d, x, y));
        }
    }

    /** Paper-size forward passes are too slow for unit tests; its declared shapes are checked. */
    @Test
    void paperDeclaresThePublishedShapes() {
        NetworkConfig c = NetworkPresets.named(NetworkPresets.PAPER, SITES);
        Shape image = new Shape(BATCH, 3, 256, 256);

        assertThat(new Generator(c).getOutputShapes(new Shape[] {image, new Shape(BATCH, 64)})[0]).isEqualTo(image);
        assertThat(new MappingNetwork(c).getOutputShapes(new Shape[] {new Shape(BATCH, 16), new Shape(BATCH)})[0])
                .isEqualTo(new Shape(BATCH, 64));
        assertThat(new StyleEncoder(c).getOutputShapes(new Shape[] {image, new Shape(BATCH)})[0])
                .isEqualTo(new Shape(BATCH, 64));
        assertThat(new Discriminator(c).getOutputShapes(new Shape[] {image, new Shape(BATCH)})[0])
                .isEqualTo(new Shape(BATCH));
    }

    @Test
    void generatorRunsOnNonSquareMultiplesOfItsFactor() {
        NetworkConfig c = NetworkPresets.named(NetworkPresets.CPU, SITES);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Generator g = initialised(new Generator(c), m);
            int f = g.downsampleFactor();
            NDArray x = m.randomNormal(new Shape(1, c.inChannels(), 5L * f, 12L * f));
            NDArray s = m.randomNormal(new Shape(1, c.styleDim()));

            NDArray out = g.translate(new ParameterStore(m, false), x, s, false);

            assertThat(f).isEqualTo(2); // 32 px patches: one down/up-sampling pair
            assertThat(out.getShape()).isEqualTo(x.getShape());
        }
    }

    @Test
    void generatorRejectsSizesThatAreNotMultiplesOfItsFactor() {
        NetworkConfig c = NetworkPresets.named(NetworkPresets.CPU, SITES);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Generator g = initialised(new Generator(c), m);
            int f = g.downsampleFactor();
            NDArray x = m.zeros(new Shape(1, c.inChannels(), 4L * f, 4L * f + 1));
            NDArray s = m.zeros(new Shape(1, c.styleDim()));

            assertThatThrownBy(() -> g.translate(new ParameterStore(m, false), x, s, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("multiples of " + f);
        }
    }

    @Test
    void styleEncoderAndDiscriminatorNeedTheConfiguredSize() {
        NetworkConfig c = NetworkPresets.named(NetworkPresets.TINY, SITES);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            ParameterStore ps = new ParameterStore(m, false);
            StyleEncoder e = initialised(new StyleEncoder(c), m);
            Discriminator d = initialised(new Discriminator(c), m);
            NDArray wrongSize = m.zeros(new Shape(1, c.inChannels(), 2L * c.imgSize(), c.imgSize()));
            NDArray y = m.create(new int[] {0});

            assertThatThrownBy(() -> e.style(ps, wrongSize, y, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("(img_size)");
            assertThatThrownBy(() -> d.logit(ps, wrongSize, y, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("(img_size)");
        }
    }

    static <T extends StarGanNetwork> T initialised(T net, NDManager m) {
        net.initializeAsOriginal(m);
        return net;
    }

    private static Shape declared(StarGanNetwork net, NDArray... inputs) {
        return net.getOutputShapes(new NDList(inputs).getShapes())[0];
    }

    /**
     * A patch discriminator gives a decision per region: [N, P*P], as declared; each is the
     * logit of the sample's own site, i.e. D(x, 0) and D(x, 1) differ and D(x, y) takes row by
     * row the one of y.
     */
    @Test
    void patchDiscriminatorGivesOneDecisionPerRegionForTheSamplesSite() {
        NetworkConfig c = NetworkPresets.named(NetworkPresets.TINY, SITES).withDPatch(8);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            ParameterStore ps = new ParameterStore(m, false);
            Discriminator d = initialised(new Discriminator(c), m);
            NDArray x = m.randomNormal(new Shape(2, c.inChannels(), c.imgSize(), c.imgSize()));
            NDArray zeros = m.create(new int[] {0, 0});
            NDArray ones = m.create(new int[] {1, 1});
            NDArray mixed = m.create(new int[] {0, 1});

            NDArray out0 = d.logit(ps, x, zeros, false);
            NDArray out1 = d.logit(ps, x, ones, false);
            NDArray outMixed = d.logit(ps, x, mixed, false);

            assertThat(out0.getShape()).isEqualTo(new Shape(2, 64)).isEqualTo(declared(d, x, zeros));
            assertThat(out0.toFloatArray()).isNotEqualTo(out1.toFloatArray());
            assertThat(outMixed.get(0).toFloatArray()).containsExactly(out0.get(0).toFloatArray());
            assertThat(outMixed.get(1).toFloatArray()).containsExactly(out1.get(1).toFloatArray());
        }
    }
}
