package org.mrharmony.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The original's {@code AdaIN(style_dim, num_features)}: instance norm without affine, then a
 * per-sample scale {@code 1 + gamma} and shift {@code beta} from a linear layer of the style code.
 * Inputs: x [N, C, H, W], style [N, styleDim].
 */
public final class AdaIn extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Linear fc;

    public AdaIn(int numFeatures) {
        super(VERSION);
        fc = addChildBlock("fc", Layers.linear(2 * numFeatures));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray affine = Layers.run(fc, ps, inputs.get(1), training);
        return new NDList(StarGanOps.adaIn(x, affine, StarGanOps.INSTANCE_NORM_EPS));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType type, Shape... inputShapes) {
        fc.initialize(manager, type, inputShapes[1]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
