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
 * The original's {@code AdainResBlk} on its {@code w_hpf = 0} path: the generator's decoder block.
 *
 * <pre>
 * residual: AdaIN(in) -> lrelu -> [up2 nearest] -> conv3x3(in->out) -> AdaIN(out) -> lrelu -> conv3x3(out->out)
 * shortcut: [up2 nearest] -> [conv1x1 no bias, when in != out]
 * out = (residual + shortcut) / sqrt(2)
 * </pre>
 *
 * Inputs: x [N, in, H, W], style [N, styleDim].
 */
public final class AdainResBlk extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int dimIn;
    private final int dimOut;
    private final boolean upsample;

    private final AdaIn norm1;
    private final Conv2d conv1;
    private final AdaIn norm2;
    private final Conv2d conv2;
    private final Conv2d learnedShortcut;

    public AdainResBlk(int dimIn, int dimOut, boolean upsample) {
        super(VERSION);
        this.dimIn = dimIn;
        this.dimOut = dimOut;
        this.upsample = upsample;
        norm1 = addChildBlock("norm1", new AdaIn(dimIn));
        conv1 = addChildBlock("conv1", Layers.conv3x3(dimOut));
        norm2 = addChildBlock("norm2", new AdaIn(dimOut));
        conv2 = addChildBlock("conv2", Layers.conv3x3(dimOut));
        learnedShortcut = dimIn != dimOut ? addChildBlock("conv1x1", Layers.conv1x1(dimOut, false)) : null;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray s = inputs.get(1);
        return new NDList(StarGanOps.residualSum(shortcut(ps, x, training), residual(ps, x, s, training)));
    }

    private NDArray shortcut(ParameterStore ps, NDArray x, boolean training) {
        NDArray h = upsample ? StarGanOps.upsampleNearest2(x) : x;
        return learnedShortcut != null ? run(learnedShortcut, ps, h, training) : h;
    }

    private NDArray residual(ParameterStore ps, NDArray x, NDArray s, boolean training) {
        NDArray h = StarGanOps.leakyRelu(run(norm1, ps, x, s, training));
        if (upsample) {
            h = StarGanOps.upsampleNearest2(h);
        }
        h = run(conv1, ps, h, training);
        h = StarGanOps.leakyRelu(run(norm2, ps, h, s, training));
        return run(conv2, ps, h, training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType type, Shape... inputShapes) {
        Shape x = inputShapes[0];
        Shape style = inputShapes[1];
        norm1.initialize(manager, type, x, style);
        Shape up = upsample ? Layers.doubled(x) : x;
        Shape mid = Layers.init(conv1, manager, type, up);
        norm2.initialize(manager, type, mid, style);
        conv2.initialize(manager, type, mid);
        if (learnedShortcut != null) {
            learnedShortcut.initialize(manager, type, up);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape out = Layers.withChannels(inputShapes[0], dimOut);
        return new Shape[] {upsample ? Layers.doubled(out) : out};
    }
}
