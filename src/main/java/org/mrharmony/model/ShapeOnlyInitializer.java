package org.mrharmony.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * Placeholder parameter values when only shapes matter (counting, checking a file against a
 * config): one zero broadcast to the shape, a view that allocates nothing however large.
 */
final class ShapeOnlyInitializer implements Initializer {

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        return manager.zeros(new Shape(1), dataType).broadcast(shape);
    }
}
