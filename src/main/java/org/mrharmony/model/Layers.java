package org.mrharmony.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/** The few layer shapes the networks use, and one-line calls of child blocks. */
final class Layers {

    private Layers() {}

    /** 3x3 convolution, stride 1, padding 1 (size-preserving), with bias. */
    static Conv2d conv3x3(int filters) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .setFilters(filters)
                .build();
    }

    /** 1x1 convolution; the residual shortcuts use it without bias. */
    static Conv2d conv1x1(int filters, boolean bias) {
        return Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(filters).optBias(bias).build();
    }

    /** 4x4 convolution without padding: turns the trunk's 4x4 map into 1x1. */
    static Conv2d conv4x4Valid(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(4, 4)).setFilters(filters).build();
    }

    static Linear linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    static NDArray run(Block block, ParameterStore ps, NDArray x, boolean training) {
        return block.forward(ps, new NDList(x), training).head();
    }

    static NDArray run(Block block, ParameterStore ps, NDArray x, NDArray style, boolean training) {
        return block.forward(ps, new NDList(x, style), training).head();
    }

    static Shape outputShape(Block block, Shape... inputs) {
        return block.getOutputShapes(inputs)[0];
    }

    /** Initialises a child and returns its output shape, for chaining through a network. */
    static Shape init(Block block, NDManager manager, DataType type, Shape... inputs) {
        block.initialize(manager, type, inputs);
        return outputShape(block, inputs);
    }

    static Shape halved(Shape nchw) {
        return new Shape(nchw.get(0), nchw.get(1), nchw.get(2) / 2, nchw.get(3) / 2);
    }

    static Shape doubled(Shape nchw) {
        return new Shape(nchw.get(0), nchw.get(1), nchw.get(2) * 2, nchw.get(3) * 2);
    }

    static Shape withChannels(Shape nchw, long channels) {
        return new Shape(nchw.get(0), channels, nchw.get(2), nchw.get(3));
    }
}
