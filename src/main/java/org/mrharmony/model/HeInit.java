package org.mrharmony.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;

/**
 * The original's {@code he_init}: every convolution and linear weight drawn from
 * {@code N(0, 2 / fan_in)} ({@code kaiming_normal_(mode='fan_in', nonlinearity='relu')}), every
 * bias zero. Normalisation scales stay one and shifts zero (PyTorch's defaults, which he_init
 * leaves alone).
 */
public final class HeInit implements Initializer {

    private static final double RELU_GAIN_SQUARED = 2.0;

    /** Sets He initialisation on all weights and zero on all biases of a block and its children. */
    public static void applyTo(Block block) {
        block.setInitializer(new HeInit(), Parameter.Type.WEIGHT);
        block.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
    }

    /** The standard deviation for a weight of this shape: {@code sqrt(2 / fan_in)}. */
    public static double standardDeviation(Shape weightShape) {
        long fanIn = weightShape.size() / weightShape.get(0);
        return Math.sqrt(RELU_GAIN_SQUARED / fanIn);
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        return manager.randomNormal(0f, (float) standardDeviation(shape), shape, dataType);
    }
}
