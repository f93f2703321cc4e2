package org.mrharmony.model;

import static org.mrharmony.model.Layers.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared body of the style encoder and the discriminator in the original code:
 *
 * <pre>
 * conv3x3(in_channels -> dim_in) -> ResBlk(down) x (log2(img_size) - 2), no norm
 *   -> lrelu -> conv4x4 valid -> lrelu
 * </pre>
 *
 * An {@code img_size x img_size} input ends at 4x4 and the valid 4x4 convolution makes it 1x1,
 * so this trunk needs exactly that input size. Output [N, width, 1, 1].
 *
 * <p>The patch discriminator ({@link NetworkConfig#dPatch()}) stops after fewer blocks and has no
 * 4x4 head: output [N, width, P, P], {@code lrelu} applied as after the head.
 */
final class DownsamplingTrunk extends AbstractBlock {

    private static final byte VERSION = 1;

    private final NetworkConfig config;
    private final Conv2d stem;
    private final List<ResBlk> blocks = new ArrayList<>();
    private final Conv2d head;
    private final int downsamplings;

    /** The full trunk of the original (style encoder, one-decision discriminator). */
    DownsamplingTrunk(NetworkConfig config) {
        this(config, config.trunkDownsamplings(), true);
    }

    /** {@code downsamplings} blocks, then the valid 4x4 head or (patch discriminator) none. */
    DownsamplingTrunk(NetworkConfig config, int downsamplings, boolean validHead) {
        super(VERSION);
        this.config = config;
        this.downsamplings = downsamplings;
        stem = addChildBlock("stem", Layers.conv3x3(config.dimIn()));
        for (int i = 0; i < downsamplings; i++) {
            blocks.add(addChildBlock("block" + i, new ResBlk(config.widthAfter(i), config.widthAfter(i + 1), false, true)));
        }
        head = validHead ? addChildBlock("conv4x4", Layers.conv4x4Valid(outputWidth())) : null;
    }

    int outputWidth() {
        return config.widthAfter(downsamplings);
    }

    /** Height and width of the output map: 1 after the valid 4x4 head, else the last blocks' size. */
    private long outputSize() {
        return head != null ? 1 : config.imgSize() >> downsamplings;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        checkInput(x.getShape());
        NDArray h = run(stem, ps, x, training);
        for (ResBlk block : blocks) {
            h = run(block, ps, h, training);
        }
        if (head != null) {
            h = run(head, ps, StarGanOps.leakyRelu(h), training);
        }
        return new NDList(StarGanOps.leakyRelu(h));
    }

    private void checkInput(Shape x) {
        int size = config.imgSize();
        if (x.dimension() != 4 || x.get(1) != config.inChannels() || x.get(2) != size || x.get(3) != size) {
            throw new IllegalArgumentException("style encoder / discriminator input must be [N, "
                    + config.inChannels() + ", " + size + ", " + size + "] (img_size), got " + x);
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType type, Shape... inputShapes) {
        Shape h = Layers.init(stem, manager, type, inputShapes[0]);
        for (ResBlk block : blocks) {
            h = Layers.init(block, manager, type, h);
        }
        if (head != null) {
            head.initialize(manager, type, h);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outputWidth(), outputSize(), outputSize())};
    }
}
