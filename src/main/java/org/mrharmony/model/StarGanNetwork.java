package org.mrharmony.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;

/** One of the four top-level networks, built from a {@link NetworkConfig}. */
public abstract class StarGanNetwork extends AbstractBlock {

    protected final NetworkConfig config;

    protected StarGanNetwork(byte version, NetworkConfig config) {
        super(version);
        this.config = config;
    }

    public NetworkConfig config() {
        return config;
    }

    /** The input shapes of a batch at the configured patch size. */
    public abstract Shape[] inputShapes(long batch);

    /**
     * Initialises every parameter as the original does ({@link HeInit}) for a batch of one at the
     * configured size; parameter arrays belong to {@code manager}.
     */
    public void initializeAsOriginal(NDManager manager) {
        HeInit.applyTo(this);
        initialize(manager, DataType.FLOAT32, inputShapes(1));
    }

    /** Number of scalar parameters (after initialisation), as PyTorch's {@code p.numel()} summed. */
    public long parameterCount() {
        long total = 0;
        for (Parameter p : getParameters().values()) {
            if (!p.isInitialized()) {
                throw new IllegalStateException("parameter " + p.getName() + " is not initialised");
            }
            total += p.getArray().size();
        }
        return total;
    }
}
