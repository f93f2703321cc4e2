package org.mrharmony.model;

import static org.mrharmony.model.Layers.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The generator G(x, s) of the original code ({@code Generator}, {@code w_hpf = 0}):
 *
 * <pre>
 * from_rgb: conv3x3(in_channels -> dim_in)
 * encode:   ResBlk(IN, down) per resampling, widths doubling to max_conv_dim; 2 ResBlk(IN) bottleneck
 * decode:   2 AdainResBlk bottleneck; AdainResBlk(up) per resampling, mirroring the encoder
 * to_rgb:   IN(affine) -> lrelu -> conv1x1(dim_in -> in_channels)
 * </pre>
 *
 * (The original's {@code from_rgb} is a 3x3 convolution despite its name; we follow the code.)
 * Fully convolutional: runs on any height and width that are multiples of
 * {@link #downsampleFactor()}. With {@code residual_output} the result is
 * {@code x + to_rgb(...)}, and the last convolution starts at zero so the untrained generator is
 * exactly the identity. Inputs: x [N, C, H, W], style [N, style_dim]; output [N, C, H, W].
 *
 * <p>With {@code full_res_skip} (not in the original) a branch
 * {@code conv1x1(lrelu(conv3x3(from_rgb(x))))} is added to the decoder's output before
 * {@code to_rgb}: the decoder sees the image only through the downsampled bottleneck, which
 * averages pixel-level detail away, so without the branch the generator cannot remove a site's
 * noise. The branch's 1x1 convolution starts at zero: the branch changes nothing until trained.
 */
public final class Generator extends StarGanNetwork {

    private static final byte VERSION = 1;

    private final Conv2d fromRgb;
    private final List<ResBlk> encode = new ArrayList<>();
    private final List<AdainResBlk> decode = new ArrayList<>();
    private final InstanceNorm2d toRgbNorm;
    private final Conv2d toRgbConv;
    private final Conv2d skipConv;
    private final Conv2d skipOut;

    public Generator(NetworkConfig config) {
        super(VERSION, config);
        fromRgb = addChildBlock("from_rgb", Layers.conv3x3(config.dimIn()));
        int resamplings = config.generatorResamplings();
        for (int i = 0; i < resamplings; i++) {
            encode.add(new ResBlk(config.widthAfter(i), config.widthAfter(i + 1), true, true));
        }
        int bottleneck = config.widthAfter(resamplings);
        List<AdainResBlk> decodeReversed = new ArrayList<>();
        for (int i = 0; i < resamplings; i++) {
            decodeReversed.add(new AdainResBlk(config.widthAfter(i + 1), config.widthAfter(i), true));
        }
        for (int i = 0; i < 2; i++) {
            encode.add(new ResBlk(bottleneck, bottleneck, true, false));
            decodeReversed.add(new AdainResBlk(bottleneck, bottleneck, false));
        }
        // The original inserts each decoder block at the front: deepest first.
        for (int i = decodeReversed.size() - 1; i >= 0; i--) {
            decode.add(decodeReversed.get(i));
        }
        for (int i = 0; i < encode.size(); i++) {
            addChildBlock("encode" + i, encode.get(i));
        }
        for (int i = 0; i < decode.size(); i++) {
            addChildBlock("decode" + i, decode.get(i));
        }
        toRgbNorm = addChildBlock("to_rgb_norm", new InstanceNorm2d(config.dimIn()));
        toRgbConv = addChildBlock("to_rgb_conv", Layers.conv1x1(config.inChannels(), true));
        // after every original block, so the original's parameter order is unchanged
        skipConv = config.fullResSkip() ? addChildBlock("skip_conv", Layers.conv3x3(config.dimIn())) : null;
        skipOut = config.fullResSkip() ? addChildBlock("skip_out", Layers.conv1x1(config.dimIn(), true)) : null;
    }

    /** Height and width of an input must be multiples of this. */
    public int downsampleFactor() {
        return config.downsampleFactor();
    }

    /** G(x, s) with the given parameters; {@code training} records for autograd. */
    public NDArray translate(ParameterStore ps, NDArray x, NDArray style, boolean training) {
        return forward(ps, new NDList(x, style), training).head();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray style = inputs.get(1);
        checkInput(x.getShape());
        NDArray first = run(fromRgb, ps, x, training);
        NDArray h = first;
        for (ResBlk block : encode) {
            h = run(block, ps, h, training);
        }
        for (AdainResBlk block : decode) {
            h = run(block, ps, h, style, training);
        }
        if (skipConv != null) {
            h = h.add(run(skipOut, ps, StarGanOps.leakyRelu(run(skipConv, ps, first, training)), training));
        }
        NDArray out = run(toRgbConv, ps, StarGanOps.leakyRelu(run(toRgbNorm, ps, h, training)), training);
        return new NDList(config.residualOutput() ? x.add(out) : out);
    }

    private void checkInput(Shape x) {
        int factor = downsampleFactor();
        if (x.dimension() != 4 || x.get(1) != config.inChannels()
                || x.get(2) % factor != 0 || x.get(3) % factor != 0) {
            throw new IllegalArgumentException("generator input must be [N, " + config.inChannels()
                    + ", H, W] with H and W multiples of " + factor + ", got " + x);
        }
    }

    @Override
    public void initialize(NDManager manager, DataType type, Shape... inputShapes) {
        if (config.residualOutput()) {
            // Zero weights and bias: the correction is 0 and G(x, s) = x before any training.
            toRgbConv.setInitializer(Initializer.ZEROS, p -> true);
        }
        if (skipOut != null) {
            // the branch adds 0 until trained: switching it on keeps a warm-started generator's output
            skipOut.setInitializer(Initializer.ZEROS, p -> true);
        }
        super.initialize(manager, type, inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType type, Shape... inputShapes) {
        Shape style = inputShapes[1];
        Shape first = Layers.init(fromRgb, manager, type, inputShapes[0]);
        Shape h = first;
        for (ResBlk block : encode) {
            h = Layers.init(block, manager, type, h);
        }
        for (AdainResBlk block : decode) {
            h = Layers.init(block, manager, type, h, style);
        }
        toRgbNorm.initialize(manager, type, h);
        toRgbConv.initialize(manager, type, h);
        if (skipConv != null) {
            skipOut.initialize(manager, type, Layers.init(skipConv, manager, type, first));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {Layers.withChannels(x, config.inChannels())};
    }

    @Override
    public Shape[] inputShapes(long batch) {
        int size = config.imgSize();
        return new Shape[] {
            new Shape(batch, config.inChannels(), size, size), new Shape(batch, config.styleDim())
        };
    }
}
