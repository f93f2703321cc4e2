package org.mrharmony.model;

import ai.djl.ndarray.NDArray;

/**
 * Multiplying an array that autograd records by a constant, safely.
 *
 * <p>Why not {@code NDArray.mul(Number)}: DJL's PyTorch engine wraps the constant in a tensor
 * whose memory is a Java direct buffer ({@code from_blob}) and closes that tensor as soon as the
 * product is formed. PyTorch's autograd keeps the constant for the backward pass (the gradient
 * of {@code a * s} is {@code grad * s}), but nothing keeps the Java buffer alive: once the
 * garbage collector frees it, the backward pass reads freed memory and the gradients are wrong,
 * at random non-finite. Measured on the tiny networks (G through D): with a forced GC between
 * forward and backward, 199 of 199 repeated backward passes differed from the first (140
 * non-finite values); without, 1-2 % did, which is what made the bit-exact resume test flaky.
 * Here the constant is a copy PyTorch owns, which the graph keeps alive by reference count.
 * (Forward-only constants, e.g. {@code add(eps)}, are read before the buffer can go and are
 * not saved for backward, so they are safe as they are.)
 */
public final class GraphScalars {

    private GraphScalars() {
    }

    /** {@code a * s}, safe to back-propagate through. */
    public static NDArray times(NDArray a, float s) {
        try (NDArray javaBacked = a.getManager().create(s).toType(a.getDataType(), false);
             NDArray owned = javaBacked.duplicate()) {
            return a.mul(owned);
        }
    }
}
