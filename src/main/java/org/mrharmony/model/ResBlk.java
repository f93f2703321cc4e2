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

/**
 * The original's {@code ResBlk}: a pre-activation residual block.
 *
 * <pre>
 * residual: [IN] -> lrelu -> conv3x3(in->in) -> [avgpool2] -> [IN] -> lrelu -> conv3x3(in->out)
 * shortcut: [conv1x1 no bias, when in != out] -> [avgpool2]
 * out = (shortcut + residual) / sqrt(2)
 * </pre>
 *
 * Instance norms (affine) only when {@code normalize} (the generator's encoder); the style
 * encoder and discriminator use the block without.
 */
public final class ResBlk extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int dimIn;
    private final int dimOut;
    private final boolean normalize;
    private final boolean downsample;

    private final InstanceNorm2d norm1;
    private final Conv2d conv1;
    private final InstanceNorm2d norm2;
    private final Conv2d conv2;
    private final Conv2d learnedShortcut;

    public ResBlk(int dimIn, int dimOut, boolean normalize, boolean downsample) {
        super(VERSION);
        this.dimIn = dimIn;
        this.dimOut = dimOut;
        this.normalize = normalize;
        this.downsample = downsample;
        norm1 = normalize ? addChildBlock("norm1", new InstanceNorm2d(dimIn)) : null;
        conv1 = addChildBlock("conv1", Layers.conv3x3(dimIn));
        norm2 = normalize ? addChildBlock("norm2", new InstanceNorm2d(dimIn)) : null;
        conv2 = addChildBlock("conv2", Layers.conv3x3(dimOut));
        learnedShortcut = dimIn != dimOut ? addChildBlock("conv1x1", Layers.conv1x1(dimOut, false)) : null;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(StarGanOps.residualSum(shortcut(ps, x, training), residual(ps, x, training)));
    }

    private NDArray shortcut(ParameterStore ps, NDArray x, boolean training) {
        NDArray h = learnedShortcut != null ? run(learnedShortcut, ps, x, training) : x;
        return downsample ? StarGanOps.avgPool2(h) : h;
    }

    private NDArray residual(ParameterStore ps, NDArray x, boolean training) {
        NDArray h = normalize ? run(norm1, ps, x, training) : x;
        h = run(conv1, ps, StarGanOps.leakyRelu(h), training);
        if (downsample) {
            h = StarGanOps.avgPool2(h);
        }
        if (normalize) {
            h = run(norm2, ps, h, training);
        }
        return run(conv2, ps, StarGanOps.leakyRelu(h), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType type, Shape... inputShapes) {
        Shape x = inputShapes[0];
        if (normalize) {
            norm1.initialize(manager, type, x);
        }
        Shape mid = Layers.init(conv1, manager, type, x);
        if (downsample) {
            mid = Layers.halved(mid);
        }
        if (normalize) {
            norm2.initialize(manager, type, mid);
        }
        conv2.initialize(manager, type, mid);
        if (learnedShortcut != null) {
            learnedShortcut.initialize(manager, type, x);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape out = Layers.withChannels(inputShapes[0], dimOut);
        return new Shape[] {downsample ? Layers.halved(out) : out};
    }
}
