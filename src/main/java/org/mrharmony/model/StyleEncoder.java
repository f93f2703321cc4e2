package org.mrharmony.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The style encoder E(x, y) of the original code ({@code StyleEncoder}): the
 * {@link DownsamplingTrunk}, flattened, then one {@code Linear(width -> style_dim)} per site; the
 * style of sample i comes from head {@code y[i]}. Inputs: x [N, C, img_size, img_size] (exactly
 * the configured size), y [N] integers; output [N, style_dim].
 */
public final class StyleEncoder extends StarGanNetwork {

    private static final byte VERSION = 1;

    private final DownsamplingTrunk shared;
    private final List<Linear> heads = new ArrayList<>();

    public StyleEncoder(NetworkConfig config) {
        super(VERSION, config);
        shared = addChildBlock("shared", new DownsamplingTrunk(config));
        for (int k = 0; k < config.numDomains(); k++) {
            heads.add(addChildBlock("unshared" + k, Layers.linear(config.styleDim())));
        }
    }

    /** E(x, y): a style code per sample. */
    public NDArray style(ParameterStore ps, NDArray x, NDArray y, boolean training) {
        return forward(ps, new NDList(x, y), training).head();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = Layers.run(shared, ps, inputs.get(0), training);
        h = h.reshape(h.getShape().get(0), -1);
        NDList perDomain = new NDList(heads.size());
        for (Linear head : heads) {
            perDomain.add(Layers.run(head, ps, h, training));
        }
        return new NDList(StarGanOps.selectDomain(NDArrays.stack(perDomain, 1), inputs.get(1)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType type, Shape... inputShapes) {
        Shape h = Layers.init(shared, manager, type, inputShapes[0]);
        Shape flat = new Shape(h.get(0), h.size() / h.get(0));
        for (Linear head : heads) {
            head.initialize(manager, type, flat);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.styleDim())};
    }

    @Override
    public Shape[] inputShapes(long batch) {
        int size = config.imgSize();
        return new Shape[] {new Shape(batch, config.inChannels(), size, size), new Shape(batch)};
    }
}
