package org.mrharmony.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The mapping network M(z, y) of the original code ({@code MappingNetwork}):
 *
 * <pre>
 * shared:        Linear(latent -> H) ReLU, then 3 x (Linear(H -> H) ReLU)
 * per site head: 3 x (Linear(H -> H) ReLU), Linear(H -> style_dim)
 * </pre>
 *
 * with H = {@code mapping_hidden} (512 in the paper). Every head runs; the style of sample i is
 * taken from head {@code y[i]}. Inputs: z [N, latent_dim], y [N] integers; output [N, style_dim].
 */
public final class MappingNetwork extends StarGanNetwork {

    private static final byte VERSION = 1;
    private static final int SHARED_HIDDEN_LAYERS = 3;
    private static final int HEAD_HIDDEN_LAYERS = 3;

    private final SequentialBlock shared;
    private final List<SequentialBlock> heads = new ArrayList<>();

    public MappingNetwork(NetworkConfig config) {
        super(VERSION, config);
        int hidden = config.mappingHidden();
        shared = addChildBlock("shared", reluLayers(new SequentialBlock(), hidden, 1 + SHARED_HIDDEN_LAYERS));
        for (int k = 0; k < config.numDomains(); k++) {
            SequentialBlock head = reluLayers(new SequentialBlock(), hidden, HEAD_HIDDEN_LAYERS);
            head.add(Layers.linear(config.styleDim()));
            heads.add(addChildBlock("unshared" + k, head));
        }
    }

    private static SequentialBlock reluLayers(SequentialBlock block, int width, int count) {
        for (int i = 0; i < count; i++) {
            block.add(Layers.linear(width)).add(Activation.reluBlock());
        }
        return block;
    }

    /** M(z, y): a style code per sample. */
    public NDArray style(ParameterStore ps, NDArray z, NDArray y, boolean training) {
        return forward(ps, new NDList(z, y), training).head();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = Layers.run(shared, ps, inputs.get(0), training);
        NDList perDomain = new NDList(heads.size());
        for (SequentialBlock head : heads) {
            perDomain.add(Layers.run(head, ps, h, training));
        }
        return new NDList(StarGanOps.selectDomain(NDArrays.stack(perDomain, 1), inputs.get(1)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType type, Shape... inputShapes) {
        Shape h = Layers.init(shared, manager, type, inputShapes[0]);
        for (SequentialBlock head : heads) {
            head.initialize(manager, type, h);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.styleDim())};
    }

    @Override
    public Shape[] inputShapes(long batch) {
        return new Shape[] {new Shape(batch, config.latentDim()), new Shape(batch)};
    }
}
