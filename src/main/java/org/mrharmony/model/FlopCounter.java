package org.mrharmony.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The convolution and linear layers of each StarGAN v2 network's forward pass, listed
 * analytically from a {@link NetworkConfig} — the same configuration, and the same walk over
 * it, the network classes are built from — with the multiply-adds each costs per sample.
 *
 * <p>Only convolutions and linear layers are counted: they are the arithmetic of the networks.
 * Instance norm, AdaIN's normalisation, activations, pooling, upsampling and residual sums are
 * element-wise (a few operations per value, against hundreds of multiply-adds per output of a
 * 3x3 convolution) and left out, as is usual for FLOP counts. One multiply-add = 2 FLOPs.
 */
public final class FlopCounter {

    private static final int SHARED_MAPPING_LAYERS = 4;
    private static final int HEAD_MAPPING_HIDDEN_LAYERS = 3;

    private FlopCounter() {}

    /**
     * One convolution ({@code kernel x kernel}) or linear layer ({@code kernel = 1, positions = 1})
     * applied to one sample.
     *
     * @param positions output positions (height x width) the weights are applied at
     */
    public record Layer(String name, int in, int out, int kernel, long positions, boolean bias) {

        public long weights() {
            return (long) in * out * kernel * kernel;
        }

        public long multiplyAdds() {
            return weights() * positions;
        }

        /** Weights plus bias: what the layer contributes to its network's parameter count. */
        public long parameters() {
            return weights() + (bias ? out : 0);
        }
    }

    /** FLOPs (2 per multiply-add) of one forward pass over {@code batch} samples. */
    public static long forwardFlops(List<Layer> layers, long batch) {
        return 2 * batch * layers.stream().mapToLong(Layer::multiplyAdds).sum();
    }

    /** The generator at the configured patch size. */
    public static List<Layer> generator(NetworkConfig c) {
        return generator(c, c.imgSize(), c.imgSize());
    }

    /** The generator on a {@code height x width} input (multiples of its downsampling factor). */
    public static List<Layer> generator(NetworkConfig c, int height, int width) {
        List<Layer> layers = new ArrayList<>();
        layers.add(conv("from_rgb", c.inChannels(), c.dimIn(), 3, height, width, true));
        int r = c.generatorResamplings();
        for (int i = 0; i < r; i++) {
            resBlk(layers, "encode" + i, c.widthAfter(i), c.widthAfter(i + 1), height >> i, width >> i, true);
        }
        int bottleneck = c.widthAfter(r);
        int h = height >> r;
        int w = width >> r;
        for (int i = 0; i < 2; i++) {
            resBlk(layers, "encode" + (r + i), bottleneck, bottleneck, h, w, false);
        }
        for (int i = 0; i < 2; i++) {
            adainResBlk(layers, "decode" + i, c.styleDim(), bottleneck, bottleneck, h, w);
        }
        for (int i = r - 1; i >= 0; i--) {
            adainResBlk(layers, "decode" + (2 + r - 1 - i), c.styleDim(), c.widthAfter(i + 1), c.widthAfter(i),
                height >> i, width >> i);
        }
        if (c.fullResSkip()) {
            layers.add(conv("skip_conv", c.dimIn(), c.dimIn(), 3, height, width, true));
            layers.add(conv("skip_out", c.dimIn(), c.dimIn(), 1, height, width, true));
        }
        layers.add(conv("to_rgb_conv", c.dimIn(), c.inChannels(), 1, height, width, true));
        return layers;
    }

    /** The mapping network: every site's head runs on every sample. */
    public static List<Layer> mappingNetwork(NetworkConfig c) {
        List<Layer> layers = new ArrayList<>();
        int hidden = c.mappingHidden();
        for (int i = 0; i < SHARED_MAPPING_LAYERS; i++) {
            layers.add(linear("shared" + i, i == 0 ? c.latentDim() : hidden, hidden));
        }
        for (int k = 0; k < c.numDomains(); k++) {
            for (int i = 0; i < HEAD_MAPPING_HIDDEN_LAYERS; i++) {
                layers.add(linear("unshared" + k + "." + i, hidden, hidden));
            }
            layers.add(linear("unshared" + k + ".out", hidden, c.styleDim()));
        }
        return layers;
    }

    /** The style encoder: the downsampling trunk, then every site's linear head. */
    public static List<Layer> styleEncoder(NetworkConfig c) {
        List<Layer> layers = trunk(c);
        int width = c.widthAfter(c.trunkDownsamplings());
        for (int k = 0; k < c.numDomains(); k++) {
            layers.add(linear("unshared" + k, width, c.styleDim()));
        }
        return layers;
    }

    /**
     * The discriminator: the downsampling trunk (to {@code d_patch} without the 4x4 head, for a
     * patch discriminator), then a 1x1 convolution to one logit per site at every position.
     */
    public static List<Layer> discriminator(NetworkConfig c) {
        int n = c.discriminatorDownsamplings();
        boolean patch = c.dPatch() != 0;
        List<Layer> layers = trunk(c, n, !patch);
        int width = c.widthAfter(n);
        int size = patch ? c.dPatch() : 1;
        layers.add(conv("logits", width, c.numDomains(), 1, size, size, true));
        return layers;
    }

    /** The full trunk of the style encoder and the one-decision discriminator. */
    private static List<Layer> trunk(NetworkConfig c) {
        return trunk(c, c.trunkDownsamplings(), true);
    }

    /** {@code DownsamplingTrunk}: stem, {@code n} downsampling ResBlks, valid 4x4 convolution to 1x1 if asked. */
    private static List<Layer> trunk(NetworkConfig c, int n, boolean validHead) {
        List<Layer> layers = new ArrayList<>();
        int size = c.imgSize();
        layers.add(conv("stem", c.inChannels(), c.dimIn(), 3, size, size, true));
        for (int i = 0; i < n; i++) {
            resBlk(layers, "block" + i, c.widthAfter(i), c.widthAfter(i + 1), size >> i, size >> i, true);
        }
        if (validHead) {
            int width = c.widthAfter(n);
            layers.add(conv("conv4x4", width, width, 4, 1, 1, true));
        }
        return layers;
    }

    /**
     * {@code ResBlk} on an {@code h x w} input: conv1 at the input size, then (after the pooling,
     * when downsampling) conv2; the 1x1 shortcut runs before its pooling, at the input size.
     */
    private static void resBlk(List<Layer> layers, String name, int in, int out, int h, int w, boolean downsample) {
        int h2 = downsample ? h / 2 : h;
        int w2 = downsample ? w / 2 : w;
        layers.add(conv(name + ".conv1", in, in, 3, h, w, true));
        layers.add(conv(name + ".conv2", in, out, 3, h2, w2, true));
        if (in != out) {
            layers.add(conv(name + ".conv1x1", in, out, 1, h, w, false));
        }
    }

    /** {@code AdainResBlk} whose output is {@code h x w} (its input is half that when it upsamples). */
    private static void adainResBlk(List<Layer> layers, String name, int styleDim, int in, int out, int h, int w) {
        layers.add(linear(name + ".norm1.fc", styleDim, 2 * in));
        layers.add(conv(name + ".conv1", in, out, 3, h, w, true));
        layers.add(linear(name + ".norm2.fc", styleDim, 2 * out));
        layers.add(conv(name + ".conv2", out, out, 3, h, w, true));
        if (in != out) {
            layers.add(conv(name + ".conv1x1", in, out, 1, h, w, false));
        }
    }

    private static Layer conv(String name, int in, int out, int kernel, int h, int w, boolean bias) {
        return new Layer(name, in, out, kernel, (long) h * w, bias);
    }

    private static Layer linear(String name, int in, int out) {
        return new Layer(name, in, out, 1, 1, true);
    }
}
